import type { ApplyTimeRequest } from './apply-time-handler';
import type { LifecycleAction } from './types';

/**
 * The input fields both apply-time steps share, each parsed the same way: a parser pushes a readable problem
 * onto `problems` and returns a placeholder, so a request parser can list every problem at once.
 */

/** A Lambda runs at most 15 minutes. */
const MAX_TIMEOUT_SECONDS = 900;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = ['create', 'update', 'delete'];

/**
 * Parses an invocation input: it must be a JSON object; `parseFields` reads it, pushing every problem it finds
 * and returning `undefined` when a field the request cannot do without is missing. Any problem throws `invalid`
 * with the whole list, so one failed apply shows all of them.
 */
export function parseInvocationInput<Raw extends object, Request>(
  event: unknown,
  invalid: (problems: string[]) => Error,
  parseFields: (raw: Raw, problems: string[]) => Request | undefined,
): Request {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw invalid([`expected a JSON object, got ${quoteValue(event)}`]);
  }
  const problems: string[] = [];
  const request = parseFields(event as Raw, problems);
  if (problems.length > 0 || request === undefined) throw invalid(problems);
  return request;
}

/**
 * A step's request: the fields every step has (where to send, how long, which lifecycle action) and its own;
 * `undefined` without an endpoint (its problem is listed already).
 */
export function withCommonFields<Own extends object>(
  common: {
    readonly endpoint: URL | undefined;
    readonly region: string;
    readonly timeoutSeconds: number;
    readonly action: LifecycleAction;
  },
  own: Own,
): (ApplyTimeRequest & Own) | undefined {
  const { endpoint, region, timeoutSeconds, action } = common;
  if (endpoint === undefined) return undefined;
  return { endpoint, region, ...own, budgetMs: timeoutSeconds * 1000, action };
}

/** A bare https origin (http only for loopback hosts: tests), e.g. `https://abc.eu-west-1.aoss.amazonaws.com`. */
export function parseOrigin(key: string, value: unknown, problems: string[]): URL | undefined {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined) {
    problems.push(`${key} is not a URL: ${quoteValue(value)}`);
    return undefined;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    problems.push(`${key} must use https (http only for loopback hosts): "${String(value)}"`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    problems.push(`${key} must be a bare origin without path, query or credentials: "${String(value)}"`);
  }
  return url;
}

/** `timeoutSeconds`: above 0 and at most 15 minutes; `defaultSeconds` when absent (or invalid). */
export function parseTimeoutSeconds(value: unknown, defaultSeconds: number, problems: string[]): number {
  if (value === undefined || value === null) return defaultSeconds;
  if (typeof value !== 'number' || !(value > 0) || value > MAX_TIMEOUT_SECONDS) {
    problems.push(
      `timeoutSeconds must be a number above 0 and at most ${MAX_TIMEOUT_SECONDS}, got ${quoteValue(value)}`,
    );
    return defaultSeconds;
  }
  return value;
}

/** The Terraform lifecycle action under the `tf` key; a plain invocation (no `tf`) is a create. */
export function parseLifecycleAction(value: unknown, problems: string[]): LifecycleAction {
  if (value === undefined) return 'create';
  const action =
    typeof value === 'object' && value !== null ? (value as { action?: unknown }).action : undefined;
  if (!LIFECYCLE_ACTIONS.includes(action as LifecycleAction)) {
    problems.push(`tf.action must be one of ${LIFECYCLE_ACTIONS.join(', ')}, got ${quoteValue(action)}`);
    return 'create';
  }
  return action as LifecycleAction;
}

/** A value as a problem message quotes it. */
export function quoteValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? typeof value);
}
