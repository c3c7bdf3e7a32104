import { InvalidIndexRequestError } from './errors';
import {
  parseInvocationInput,
  parseLifecycleAction,
  parseOrigin,
  parseTimeoutSeconds,
  quoteValue,
  withCommonFields,
} from './request-fields';
import type { IndexRequest, RawIndexRequest } from './types';

/** Total time for all attempts unless the input says otherwise: policy propagation usually takes under a minute. */
export const DEFAULT_TIMEOUT_SECONDS = 300;
/** OpenSearch's limit for FAISS `knn_vector` fields. */
const MAX_DIMENSION = 16_000;

const AOSS_HOST = /^[a-z0-9]+\.([a-z0-9-]+)\.aoss\.amazonaws\.com(?:\.cn)?$/;
const INDEX_NAME_FORBIDDEN = /[\\/*?"<>|\s,#:A-Z]/;

/**
 * Validates the invocation input and applies defaults. Collects every problem before failing, so one failed
 * apply shows all of them.
 */
export function parseIndexRequest(event: unknown, env: NodeJS.ProcessEnv = process.env): IndexRequest {
  return parseInvocationInput(
    event,
    (problems) => new InvalidIndexRequestError(problems),
    (raw: RawIndexRequest, problems) => {
      const endpoint = parseEndpoint(raw.collectionEndpoint, problems);
      const indexName = parseIndexName(raw.indexName, problems);
      const dimension = parseDimension(raw.dimension, problems);
      const vectorField = parseFieldName('vectorField', raw.vectorField, problems);
      const textField = parseFieldName('textField', raw.textField, problems);
      const metadataField = parseFieldName('metadataField', raw.metadataField, problems);
      const fields = [vectorField, textField, metadataField].filter((name) => name !== '');
      if (new Set(fields).size !== fields.length) {
        problems.push('vectorField, textField and metadataField must be three different names');
      }
      const timeoutSeconds = parseTimeoutSeconds(raw.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS, problems);
      const region = resolveRegion(endpoint, raw.region, env, problems);
      const action = parseLifecycleAction(raw.tf, problems);

      return withCommonFields(
        { endpoint, region, timeoutSeconds, action },
        { indexName, dimension, vectorField, textField, metadataField },
      );
    },
  );
}

function parseEndpoint(value: unknown, problems: string[]): URL | undefined {
  if (typeof value !== 'string' || value === '') {
    problems.push("collectionEndpoint is required (the collection's https endpoint)");
    return undefined;
  }
  return parseOrigin('collectionEndpoint', value, problems);
}

/** OpenSearch index naming rules: lower case, no special characters, no leading `_`, `-` or `+`. */
function parseIndexName(value: unknown, problems: string[]): string {
  if (typeof value !== 'string' || value === '') {
    problems.push('indexName is required');
    return '';
  }
  if (
    INDEX_NAME_FORBIDDEN.test(value) ||
    /^[_\-+]/.test(value) ||
    value === '.' ||
    value === '..' ||
    Buffer.byteLength(value) > 255
  ) {
    problems.push(
      `indexName "${value}" is not a valid OpenSearch index name (lower case, at most 255 bytes, ` +
        'no spaces or \\/*?"<>|,#:, not starting with _ - +)',
    );
  }
  return value;
}

function parseDimension(value: unknown, problems: string[]): number {
  // Terraform may hand numbers over as strings; a plain decimal string is accepted.
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > MAX_DIMENSION) {
    problems.push(`dimension must be an integer from 1 to ${MAX_DIMENSION}, got ${quoteValue(value)}`);
    return 0;
  }
  return number;
}

function parseFieldName(key: string, value: unknown, problems: string[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${key} is required`);
    return '';
  }
  if (value.startsWith('_') || /\s/.test(value)) {
    problems.push(`${key} "${value}" is not a valid field name (no leading _ and no spaces)`);
  }
  return value;
}

function resolveRegion(
  endpoint: URL | undefined,
  value: unknown,
  env: NodeJS.ProcessEnv,
  problems: string[],
): string {
  const fromHost = endpoint ? AOSS_HOST.exec(endpoint.hostname)?.[1] : undefined;
  if (fromHost) return fromHost;
  if (value !== undefined && (typeof value !== 'string' || value === '')) {
    problems.push(`region must be a non-empty string, got ${quoteValue(value)}`);
    return '';
  }
  const region = (value as string | undefined) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region)
    problems.push(
      'region is unknown: the endpoint does not name one and neither region nor AWS_REGION is set',
    );
  return region ?? '';
}
