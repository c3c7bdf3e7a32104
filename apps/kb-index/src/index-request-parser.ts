import { InvalidIndexRequestError } from './errors';
import type { IndexRequest, LifecycleAction, RawIndexRequest } from './types';

/** Total time for all attempts unless the input says otherwise: policy propagation usually takes under a minute. */
export const DEFAULT_TIMEOUT_SECONDS = 300;
/** A Lambda runs at most 15 minutes. */
const MAX_TIMEOUT_SECONDS = 900;
/** OpenSearch's limit for FAISS `knn_vector` fields. */
const MAX_DIMENSION = 16_000;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const AOSS_HOST = /^[a-z0-9]+\.([a-z0-9-]+)\.aoss\.amazonaws\.com(?:\.cn)?$/;
const INDEX_NAME_FORBIDDEN = /[\\/*?"<>|\s,#:A-Z]/;
const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = ['create', 'update', 'delete'];

/**
 * Validates the invocation input and applies defaults. Collects every problem before failing, so one failed
 * apply shows all of them.
 */
export function parseIndexRequest(event: unknown, env: NodeJS.ProcessEnv = process.env): IndexRequest {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new InvalidIndexRequestError([`expected a JSON object, got ${describe(event)}`]);
  }
  const raw = event as RawIndexRequest;
  const problems: string[] = [];

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
  const timeoutSeconds = parseTimeout(raw.timeoutSeconds, problems);
  const region = resolveRegion(endpoint, raw.region, env, problems);
  const action = parseLifecycleAction(raw.tf, problems);

  if (problems.length > 0 || endpoint === undefined) throw new InvalidIndexRequestError(problems);
  return {
    endpoint,
    region,
    indexName,
    dimension,
    vectorField,
    textField,
    metadataField,
    budgetMs: timeoutSeconds * 1000,
    action,
  };
}

function parseEndpoint(value: unknown, problems: string[]): URL | undefined {
  if (typeof value !== 'string' || value === '') {
    problems.push("collectionEndpoint is required (the collection's https endpoint)");
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`collectionEndpoint is not a URL: "${value}"`);
    return undefined;
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    problems.push(`collectionEndpoint must use https (http only for loopback hosts): "${value}"`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    problems.push(`collectionEndpoint must be a bare origin without path, query or credentials: "${value}"`);
  }
  return url;
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
    problems.push(`dimension must be an integer from 1 to ${MAX_DIMENSION}, got ${describe(value)}`);
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

function parseTimeout(value: unknown, problems: string[]): number {
  if (value === undefined || value === null) return DEFAULT_TIMEOUT_SECONDS;
  if (typeof value !== 'number' || !(value > 0) || value > MAX_TIMEOUT_SECONDS) {
    problems.push(
      `timeoutSeconds must be a number above 0 and at most ${MAX_TIMEOUT_SECONDS}, got ${describe(value)}`,
    );
    return DEFAULT_TIMEOUT_SECONDS;
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
    problems.push(`region must be a non-empty string, got ${describe(value)}`);
    return '';
  }
  const region = (value as string | undefined) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region)
    problems.push(
      'region is unknown: the endpoint does not name one and neither region nor AWS_REGION is set',
    );
  return region ?? '';
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
