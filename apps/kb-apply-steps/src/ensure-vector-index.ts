import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { IndexMappingMismatchError, IndexRequestRejectedError } from './errors';
import { buildIndexBody } from './index-body';
import { parseJson } from './parse-json';
import { type Attempt, type RetryOptions, retryBecause, retryWithinBudget, succeeded } from './retry';
import type { RetryBudget } from './retry-budget';
import type { SendRequest } from './signed-sender';
import type { HttpAnswer, IndexRequest, IndexResult, LogSink } from './types';

/** How many searches in a row the index must answer, and how far apart, before the step returns. */
export interface SettleOptions {
  readonly reads: number;
  readonly intervalMs: number;
}

/**
 * Bedrock's CreateKnowledgeBase can still answer "no such index" just after the index first reads back (the
 * collection serves it from some nodes before others; the aws-ia module waits 60 s there): three searches five
 * seconds apart, each answered, show the index is served everywhere.
 */
export const DEFAULT_SETTLE: SettleOptions = { reads: 3, intervalMs: 5_000 };

/** Options for {@link ensureVectorIndex}. */
export interface EnsureVectorIndexProps {
  readonly request: IndexRequest;
  /** Sends requests signed for the collection. */
  readonly send: SendRequest;
  readonly budget: RetryBudget;
  /** Receives one entry per retry and one at the end. */
  readonly log: LogSink;
  /** @default DEFAULT_SETTLE */
  readonly settle?: SettleOptions;
}

/**
 * Makes sure the knowledge base's vector index exists: look (`HEAD`), create when absent (`PUT`), read it back
 * (`GET`) until the collection serves it, checking that an existing index fits, then search it until it answers
 * several times in a row (settled). Every step retries 403 (the data access policy is still propagating), 429,
 * 5xx and connection failures within one budget.
 */
export async function ensureVectorIndex(props: EnsureVectorIndexProps): Promise<IndexResult> {
  const { request, send, budget, log } = props;
  const path = `/${encodeURIComponent(request.indexName)}`;
  const retrying = (step: string): RetryOptions => ({
    step,
    budget,
    log,
    logFields: { index: request.indexName },
  });

  const existed = await retryWithinBudget(retrying('check index'), async () => {
    const answer = await send('HEAD', path);
    if (answer.status === 200) return succeeded(true);
    if (answer.status === 404) return succeeded(false);
    return retryOrReject('check index', answer);
  });

  let status: IndexResult['status'] = 'exists';
  if (!existed) {
    status = await retryWithinBudget(retrying('create index'), async () => {
      const answer = await send('PUT', path, buildIndexBody(request));
      if (answer.status === 200) return succeeded('created' as const);
      // Someone else (a parallel apply, a retried invocation) created it in the meantime.
      if (answer.status === 400 && errorType(answer) === 'resource_already_exists_exception') {
        return succeeded('exists' as const);
      }
      return retryOrReject('create index', answer);
    });
  }

  // OpenSearch Serverless acknowledges a create before the index is served; Bedrock fails to create the
  // knowledge base if it looks too early, so wait until the index can be read back.
  await retryWithinBudget(retrying('read index'), async () => {
    const answer = await send('GET', path);
    if (answer.status === 404) return retryBecause('HTTP 404: index not visible yet');
    if (answer.status !== 200) return retryOrReject('read index', answer);
    checkMapping(request, answer);
    return succeeded(undefined);
  });

  await waitUntilSettled(path, props, retrying('search index'));

  log({ level: 'INFO', message: `index ${status}`, index: request.indexName, elapsedMs: budget.elapsedMs() });
  return { status, index: request.indexName };
}

/** Searches until `settle.reads` searches in a row, `settle.intervalMs` apart, are answered; a 404 starts over. */
async function waitUntilSettled(
  path: string,
  props: EnsureVectorIndexProps,
  retrying: RetryOptions,
): Promise<void> {
  const { reads, intervalMs } = props.settle ?? DEFAULT_SETTLE;
  const search = { size: 0, query: { match_all: {} } };
  await retryWithinBudget(retrying, async () => {
    for (let answered = 0; answered < reads; answered++) {
      if (answered > 0) await sleep(intervalMs);
      const answer = await props.send('POST', `${path}/_search`, search);
      if (answer.status === 404)
        return retryBecause(`HTTP 404 on search ${answered + 1} of ${reads}: not settled yet`);
      if (answer.status !== 200) return retryOrReject('search index', answer);
    }
    return succeeded(undefined);
  });
}

/** 403 (policy propagation), 429 and 5xx are worth another attempt; any other error answer ends the step. */
function retryOrReject(step: string, answer: HttpAnswer): Attempt<never> {
  const reason = `HTTP ${answer.status}: ${describeError(answer)}`;
  if (answer.status === 403 || answer.status === 429 || answer.status >= 500) return retryBecause(reason);
  throw new IndexRequestRejectedError(step, answer.status, describeError(answer));
}

/** An existing index must match what Bedrock will write, or the knowledge base fails later, less clearly. */
function checkMapping(request: IndexRequest, answer: HttpAnswer): void {
  const properties = parseJson(answer.body)?.[request.indexName]?.mappings?.properties;
  if (typeof properties !== 'object' || properties === null) {
    throw new IndexMappingMismatchError(request.indexName, ['the collection returned no mappings for it']);
  }
  const problems: string[] = [];
  const vector = properties[request.vectorField];
  if (vector?.type !== 'knn_vector') {
    problems.push(`${request.vectorField} is ${vector?.type ?? 'missing'}, expected knn_vector`);
  } else {
    if (vector.dimension !== request.dimension) {
      problems.push(
        `${request.vectorField} has dimension ${vector.dimension}, expected ${request.dimension}`,
      );
    }
    const engine = vector.method?.engine;
    if (engine !== undefined && engine !== 'faiss') {
      problems.push(`${request.vectorField} uses engine ${engine}, Bedrock requires faiss`);
    }
  }
  for (const field of [request.textField, request.metadataField]) {
    const type = properties[field]?.type;
    if (type !== undefined && type !== 'text') problems.push(`${field} is ${type}, expected text`);
  }
  if (problems.length > 0) throw new IndexMappingMismatchError(request.indexName, problems);
}

function errorType(answer: HttpAnswer): string | undefined {
  const type = parseJson(answer.body)?.error?.type;
  return typeof type === 'string' ? type : undefined;
}

/** `type: reason` from an OpenSearch error body, else the start of the body (HEAD answers have none). */
function describeError(answer: HttpAnswer): string {
  const error = parseJson(answer.body)?.error;
  if (typeof error === 'object' && error !== null && (error.type || error.reason)) {
    return [error.type, error.reason].filter(Boolean).join(': ');
  }
  if (typeof error === 'string') return error;
  const text = answer.body.trim().replace(/\s+/g, ' ');
  return text === '' ? (STATUS_CODES[answer.status] ?? 'no body') : text.slice(0, 300);
}
