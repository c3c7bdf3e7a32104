import { credentialsFromEnv } from './env-credentials';
import { parseIndexRequest } from './index-request-parser';
import { RetryBudget } from './retry-budget';
import { SignedHttpClient } from './signed-http-client';
import type { CredentialSource, IndexResult, LogSink } from './types';
import { VectorIndexCreator } from './vector-index-creator';

/** The part of the Lambda context the handler uses. */
export interface InvocationContext {
  getRemainingTimeInMillis(): number;
}

/** Options for {@link createHandler}; the defaults are what the deployed function uses. */
export interface HandlerOptions {
  /** @default credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN */
  readonly credentials?: CredentialSource;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default 1000 */
  readonly baseDelayMs?: number;
  /** @default 15000 */
  readonly maxDelayMs?: number;
  /** @default 10000 */
  readonly requestTimeoutMs?: number;
  /** @default one JSON line per entry on stdout (CloudWatch Logs) */
  readonly log?: LogSink;
}

/** Time kept back from the Lambda timeout so a failure is reported with its reason instead of a timeout. */
const REPORTING_MARGIN_MS = 3_000;

const jsonLines: LogSink = (entry) => console.log(JSON.stringify(entry));

/** Builds the Lambda handler: validate the input, then create the index or confirm that it exists. */
export function createHandler(options: HandlerOptions = {}) {
  const log = options.log ?? jsonLines;
  return async (event: unknown, context?: InvocationContext): Promise<IndexResult> => {
    const env = options.env ?? process.env;
    const request = parseIndexRequest(event, env);
    if (request.action === 'delete') {
      log({
        level: 'INFO',
        message: 'destroy: index left in place, it goes with its collection',
        index: request.indexName,
      });
      return { status: 'retained', index: request.indexName };
    }
    const remainingMs = context
      ? context.getRemainingTimeInMillis() - REPORTING_MARGIN_MS
      : Number.POSITIVE_INFINITY;
    const budget = new RetryBudget({
      budgetMs: Math.max(0, Math.min(request.budgetMs, remainingMs)),
      baseDelayMs: options.baseDelayMs,
      maxDelayMs: options.maxDelayMs,
    });
    const client = new SignedHttpClient({
      endpoint: request.endpoint,
      region: request.region,
      credentials: options.credentials ?? credentialsFromEnv(env),
      requestTimeoutMs: options.requestTimeoutMs,
    });
    return new VectorIndexCreator({ request, client, budget, log }).ensureIndex();
  };
}

/** The deployed entry point (`index.handler`). */
export const handler = createHandler();
