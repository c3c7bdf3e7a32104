import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { IngestionRejectedError, RetryBudgetExhaustedError } from './errors';
import type { RetryBudget } from './retry-budget';
import type { SignedHttpClient } from './signed-http-client';
import type { HttpAnswer, IngestionRequest, IngestionResult, LogSink } from './types';

/** Options for {@link IngestionJobStarter}. */
export interface IngestionJobStarterProps {
  readonly request: IngestionRequest;
  /** A client signing for service `bedrock` against the Bedrock Agent API. */
  readonly client: SignedHttpClient;
  readonly budget: RetryBudget;
  /** Receives one entry per retry and one at the end. */
  readonly log: LogSink;
  /**
   * The idempotency token sent with every attempt, so a retried request whose first answer was lost does not
   * start a second job.
   * @default a random UUID
   */
  readonly clientToken?: string;
}

const STEP = 'start ingestion job';
/**
 * Answers worth another attempt: 403 while the role's new policy propagates, 409 while another job of the
 * data source is still running, 429 throttling, 5xx.
 */
const RETRYABLE = (status: number) => status === 403 || status === 409 || status === 429 || status >= 500;

/**
 * Starts one ingestion job of a knowledge base's data source (`StartIngestionJob`, REST-JSON
 * `PUT /knowledgebases/<kb>/datasources/<ds>/ingestionjobs/`) and returns as soon as Bedrock accepted it: the
 * job itself runs for minutes, longer than an apply should wait.
 */
export class IngestionJobStarter {
  private readonly clientToken: string;

  constructor(private readonly props: IngestionJobStarterProps) {
    this.clientToken = props.clientToken ?? randomUUID();
  }

  async start(): Promise<IngestionResult> {
    const { request, client, budget, log } = this.props;
    const path =
      `/knowledgebases/${encodeURIComponent(request.knowledgeBaseId)}` +
      `/datasources/${encodeURIComponent(request.dataSourceId)}/ingestionjobs/`;
    const body = {
      clientToken: this.clientToken,
      ...(request.description === undefined ? {} : { description: request.description }),
    };
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      try {
        const answer = await client.send('PUT', path, body);
        if (answer.status >= 200 && answer.status < 300) return this.started(answer);
        const { type, message } = serviceError(answer);
        if (!RETRYABLE(answer.status)) throw new IngestionRejectedError(answer.status, type, message);
        reason = `HTTP ${answer.status}: ${type}: ${message}`;
      } catch (error) {
        if (error instanceof IngestionRejectedError) throw error;
        reason = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      const delayMs = budget.delayBefore(attempt);
      if (delayMs === undefined) {
        throw new RetryBudgetExhaustedError(
          STEP,
          attempt,
          budget.elapsedMs(),
          reason,
          "check that this function's role may bedrock:StartIngestionJob on the knowledge base",
        );
      }
      log({ level: 'WARN', message: `${STEP}: retrying`, attempt, reason, delayMs });
      await sleep(delayMs);
    }
  }

  private started(answer: HttpAnswer): IngestionResult {
    const { request, log, budget } = this.props;
    const job = parseJson(answer.body)?.ingestionJob;
    const ingestionJobId = typeof job?.ingestionJobId === 'string' ? job.ingestionJobId : undefined;
    const jobStatus = typeof job?.status === 'string' ? job.status : undefined;
    log({
      level: 'INFO',
      message: 'ingestion job started',
      knowledgeBaseId: request.knowledgeBaseId,
      dataSourceId: request.dataSourceId,
      ingestionJobId,
      elapsedMs: budget.elapsedMs(),
    });
    return {
      status: 'started',
      knowledgeBaseId: request.knowledgeBaseId,
      dataSourceId: request.dataSourceId,
      ...(ingestionJobId === undefined ? {} : { ingestionJobId }),
      ...(jobStatus === undefined ? {} : { jobStatus }),
    };
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a service answer is read defensively with optional chaining.
type Json = any;

function parseJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The REST-JSON error: its type from `x-amzn-errortype` (or the body's `__type`), and its message. */
function serviceError(answer: HttpAnswer): { type: string; message: string } {
  const body = parseJson(answer.body);
  const rawType = answer.errorType ?? (typeof body?.__type === 'string' ? body.__type : undefined);
  const type = rawType?.split(':')[0]?.split('#').pop() || (STATUS_CODES[answer.status] ?? 'Error');
  const message =
    (typeof body?.message === 'string' && body.message) ||
    (typeof body?.Message === 'string' && body.Message) ||
    answer.body.trim().slice(0, 300) ||
    'no message';
  return { type, message };
}
