import { credentialsFromEnv } from './env-credentials';
import type { HandlerOptions, InvocationContext } from './handler';
import { IngestionJobStarter } from './ingestion-job-starter';
import { parseIngestionRequest } from './ingestion-request-parser';
import { RetryBudget } from './retry-budget';
import { SignedHttpClient } from './signed-http-client';
import type { IngestionResult, LogSink } from './types';

/** Options for {@link createIngestionHandler}: those of the index handler, plus the idempotency token. */
export interface IngestionHandlerOptions extends HandlerOptions {
  /** @default a random UUID per invocation */
  readonly clientToken?: string;
}

/** Time kept back from the Lambda timeout so a failure is reported with its reason instead of a timeout. */
const REPORTING_MARGIN_MS = 3_000;

const jsonLines: LogSink = (entry) => console.log(JSON.stringify(entry));

/**
 * Builds the `startIngestion` entry point: validate the input, then start one ingestion job of the knowledge
 * base's data source with a request signed for service `bedrock`. The stack invokes it whenever the documents'
 * hash changes.
 */
export function createIngestionHandler(options: IngestionHandlerOptions = {}) {
  const log = options.log ?? jsonLines;
  return async (event: unknown, context?: InvocationContext): Promise<IngestionResult> => {
    const env = options.env ?? process.env;
    const request = parseIngestionRequest(event, env);
    const { knowledgeBaseId, dataSourceId } = request;
    if (request.action === 'delete') {
      log({ level: 'INFO', message: 'destroy: no ingestion to start', knowledgeBaseId, dataSourceId });
      return { status: 'skipped', knowledgeBaseId, dataSourceId };
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
      service: 'bedrock',
      credentials: options.credentials ?? credentialsFromEnv(env),
      requestTimeoutMs: options.requestTimeoutMs,
    });
    return new IngestionJobStarter({
      request,
      client,
      budget,
      log,
      ...(options.clientToken === undefined ? {} : { clientToken: options.clientToken }),
    }).start();
  };
}

/** The deployed entry point (`index.startIngestion`). */
export const startIngestion = createIngestionHandler();
