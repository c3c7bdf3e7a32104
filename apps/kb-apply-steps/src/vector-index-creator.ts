import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  IndexMappingMismatchError,
  IndexRequestRejectedError,
  KbIndexError,
  RetryBudgetExhaustedError,
} from './errors';
import { buildIndexBody } from './index-body';
import type { RetryBudget } from './retry-budget';
import type { SignedHttpClient } from './signed-http-client';
import type { HttpAnswer, IndexRequest, IndexResult, LogSink } from './types';

/** Options for {@link VectorIndexCreator}. */
export interface VectorIndexCreatorProps {
  readonly request: IndexRequest;
  readonly client: SignedHttpClient;
  readonly budget: RetryBudget;
  /** Receives one entry per retry and one at the end. */
  readonly log: LogSink;
}

type Outcome<T> =
  | { readonly done: true; readonly value: T }
  | { readonly done: false; readonly reason: string };

const done = <T>(value: T): Outcome<T> => ({ done: true, value });
const retry = (reason: string): Outcome<never> => ({ done: false, reason });

/**
 * Makes sure the knowledge base's vector index exists: look (`HEAD`), create when absent (`PUT`), then read it
 * back (`GET`) until the collection serves it, checking that an existing index fits. Every step retries
 * 403 (the data access policy is still propagating), 429, 5xx and connection failures within one budget.
 */
export class VectorIndexCreator {
  constructor(private readonly props: VectorIndexCreatorProps) {}

  async ensureIndex(): Promise<IndexResult> {
    const { request, log } = this.props;
    const path = `/${encodeURIComponent(request.indexName)}`;

    const existed = await this.attempt(
      'check index',
      () => this.props.client.send('HEAD', path),
      (answer) => {
        if (answer.status === 200) return done(true);
        if (answer.status === 404) return done(false);
        return this.retryOrReject('check index', answer);
      },
    );

    let status: IndexResult['status'] = 'exists';
    if (!existed) {
      status = await this.attempt(
        'create index',
        () => this.props.client.send('PUT', path, buildIndexBody(request)),
        (answer) => {
          if (answer.status === 200) return done('created' as const);
          // Someone else (a parallel apply, a retried invocation) created it in the meantime.
          if (answer.status === 400 && errorType(answer) === 'resource_already_exists_exception') {
            return done('exists' as const);
          }
          return this.retryOrReject('create index', answer);
        },
      );
    }

    // OpenSearch Serverless acknowledges a create before the index is served; Bedrock fails to create the
    // knowledge base if it looks too early, so wait until the index can be read back.
    await this.attempt(
      'read index',
      () => this.props.client.send('GET', path),
      (answer) => {
        if (answer.status === 404) return retry('HTTP 404: index not visible yet');
        if (answer.status !== 200) return this.retryOrReject('read index', answer);
        this.checkMapping(answer);
        return done(undefined);
      },
    );

    log({
      level: 'INFO',
      message: `index ${status}`,
      index: request.indexName,
      elapsedMs: this.props.budget.elapsedMs(),
    });
    return { status, index: request.indexName };
  }

  private async attempt<T>(
    step: string,
    send: () => Promise<HttpAnswer>,
    decide: (answer: HttpAnswer) => Outcome<T>,
  ): Promise<T> {
    const { budget, log, request } = this.props;
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      try {
        const outcome = decide(await send());
        if (outcome.done) return outcome.value;
        reason = outcome.reason;
      } catch (error) {
        if (error instanceof KbIndexError) throw error;
        reason = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      const delayMs = budget.delayBefore(attempt);
      if (delayMs === undefined) {
        throw new RetryBudgetExhaustedError(step, attempt, budget.elapsedMs(), reason);
      }
      log({
        level: 'WARN',
        message: `${step}: retrying`,
        index: request.indexName,
        attempt,
        reason,
        delayMs,
      });
      await sleep(delayMs);
    }
  }

  private retryOrReject(step: string, answer: HttpAnswer): Outcome<never> {
    const reason = `HTTP ${answer.status}: ${describeError(answer)}`;
    if (answer.status === 403 || answer.status === 429 || answer.status >= 500) return retry(reason);
    throw new IndexRequestRejectedError(step, answer.status, describeError(answer));
  }

  /** An existing index must match what Bedrock will write, or the knowledge base fails later, less clearly. */
  private checkMapping(answer: HttpAnswer): void {
    const { request } = this.props;
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
}

// biome-ignore lint/suspicious/noExplicitAny: an OpenSearch answer is read defensively with optional chaining.
type Json = any;

function parseJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
