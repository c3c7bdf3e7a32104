import { InvalidIngestionRequestError } from './errors';
import type { IngestionRequest, LifecycleAction, RawIngestionRequest } from './types';

/** Starting a job takes one call; the budget covers IAM propagation (403) and a job still running (409). */
export const DEFAULT_INGESTION_TIMEOUT_SECONDS = 120;
const MAX_TIMEOUT_SECONDS = 900;
/** Bedrock's limit for an ingestion job description. */
const MAX_DESCRIPTION_LENGTH = 200;

/** Knowledge base and data source ids: 10 letters or digits. */
const RESOURCE_ID = /^[0-9A-Za-z]{10}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = ['create', 'update', 'delete'];

/**
 * Validates the `startIngestion` input and applies defaults; every problem is listed at once, so one failed
 * apply shows all of them.
 */
export function parseIngestionRequest(
  event: unknown,
  env: NodeJS.ProcessEnv = process.env,
): IngestionRequest {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new InvalidIngestionRequestError([`expected a JSON object, got ${describe(event)}`]);
  }
  const raw = event as RawIngestionRequest;
  const problems: string[] = [];

  const knowledgeBaseId = parseId('knowledgeBaseId', raw.knowledgeBaseId, problems);
  const dataSourceId = parseId('dataSourceId', raw.dataSourceId, problems);
  const description = parseDescription(raw.description, problems);
  const region = parseRegion(raw.region, env, problems);
  const endpoint = parseEndpoint(raw.endpoint, region, problems);
  const timeoutSeconds = parseTimeout(raw.timeoutSeconds, problems);
  const action = parseLifecycleAction(raw.tf, problems);

  if (problems.length > 0 || endpoint === undefined) throw new InvalidIngestionRequestError(problems);
  return {
    endpoint,
    region,
    knowledgeBaseId,
    dataSourceId,
    ...(description === undefined ? {} : { description }),
    budgetMs: timeoutSeconds * 1000,
    action,
  };
}

function parseId(key: string, value: unknown, problems: string[]): string {
  if (typeof value === 'string' && RESOURCE_ID.test(value)) return value;
  problems.push(`${key} must be 10 letters or digits, got ${describe(value)}`);
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
    problems.push(`region must be an AWS region such as eu-west-1, got ${describe(region)}`);
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
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined) {
    problems.push(`endpoint is not a URL: ${describe(value)}`);
    return undefined;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    problems.push(`endpoint must use https (http only for loopback hosts): "${String(value)}"`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    problems.push(`endpoint must be a bare origin without path, query or credentials: "${String(value)}"`);
  }
  return url;
}

function parseTimeout(value: unknown, problems: string[]): number {
  if (value === undefined || value === null) return DEFAULT_INGESTION_TIMEOUT_SECONDS;
  if (typeof value !== 'number' || !(value > 0) || value > MAX_TIMEOUT_SECONDS) {
    problems.push(
      `timeoutSeconds must be a number above 0 and at most ${MAX_TIMEOUT_SECONDS}, got ${describe(value)}`,
    );
    return DEFAULT_INGESTION_TIMEOUT_SECONDS;
  }
  return value;
}

function parseLifecycleAction(value: unknown, problems: string[]): LifecycleAction {
  if (value === undefined) return 'create';
  const action =
    typeof value === 'object' && value !== null ? (value as { action?: unknown }).action : undefined;
  if (!LIFECYCLE_ACTIONS.includes(action as LifecycleAction)) {
    problems.push(`tf.action must be one of ${LIFECYCLE_ACTIONS.join(', ')}, got ${describe(action)}`);
    return 'create';
  }
  return action as LifecycleAction;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? typeof value);
}
