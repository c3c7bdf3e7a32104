import { InvalidIngestionRequestError } from './errors';
import {
  parseInvocationInput,
  parseLifecycleAction,
  parseOrigin,
  parseTimeoutSeconds,
  quoteValue,
  withCommonFields,
} from './request-fields';
import type { IngestionRequest, RawIngestionRequest } from './types';

/** Starting a job takes one call; the budget covers IAM propagation (403) and a job still running (409). */
export const DEFAULT_INGESTION_TIMEOUT_SECONDS = 120;
/** Bedrock's limit for an ingestion job description. */
const MAX_DESCRIPTION_LENGTH = 200;

/** Knowledge base and data source ids: 10 letters or digits. */
const RESOURCE_ID = /^[0-9A-Za-z]{10}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/**
 * Validates the `startIngestion` input and applies defaults; every problem is listed at once, so one failed
 * apply shows all of them.
 */
export function parseIngestionRequest(
  event: unknown,
  env: NodeJS.ProcessEnv = process.env,
): IngestionRequest {
  return parseInvocationInput(
    event,
    (problems) => new InvalidIngestionRequestError(problems),
    (raw: RawIngestionRequest, problems) => {
      const knowledgeBaseId = parseId('knowledgeBaseId', raw.knowledgeBaseId, problems);
      const dataSourceId = parseId('dataSourceId', raw.dataSourceId, problems);
      const description = parseDescription(raw.description, problems);
      const region = parseRegion(raw.region, env, problems);
      const endpoint = parseEndpoint(raw.endpoint, region, problems);
      const timeoutSeconds = parseTimeoutSeconds(
        raw.timeoutSeconds,
        DEFAULT_INGESTION_TIMEOUT_SECONDS,
        problems,
      );
      const action = parseLifecycleAction(raw.tf, problems);

      return withCommonFields(
        { endpoint, region, timeoutSeconds, action },
        { knowledgeBaseId, dataSourceId, ...(description === undefined ? {} : { description }) },
      );
    },
  );
}

function parseId(key: string, value: unknown, problems: string[]): string {
  if (typeof value === 'string' && RESOURCE_ID.test(value)) return value;
  problems.push(`${key} must be 10 letters or digits, got ${quoteValue(value)}`);
  return '';
}

function parseDescription(value: unknown, problems: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_DESCRIPTION_LENGTH) {
    problems.push(`description must be a string of 1 to ${MAX_DESCRIPTION_LENGTH} characters`);
    return undefined;
  }
  return value;
}

function parseRegion(value: unknown, env: NodeJS.ProcessEnv, problems: string[]): string {
  const region = value ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region === undefined) {
    problems.push('region is unknown: neither the region input nor AWS_REGION is set');
    return '';
  }
  if (typeof region !== 'string' || !REGION.test(region)) {
    problems.push(`region must be an AWS region such as eu-west-1, got ${quoteValue(region)}`);
    return '';
  }
  return region;
}

/** The API origin: the input's (https, or http for loopback hosts: tests) or the region's public endpoint. */
function parseEndpoint(value: unknown, region: string, problems: string[]): URL | undefined {
  if (value === undefined || value === null) {
    if (region === '') return undefined;
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new URL(`https://bedrock-agent.${region}.${suffix}`);
  }
  return parseOrigin('endpoint', value, problems);
}
