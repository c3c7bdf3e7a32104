import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { IngestionRejectedError } from './errors';
import { parseJson } from './parse-json';
import { retryBecause, retryWithinBudget, succeeded } from './retry';
import type { RetryBudget } from './retry-budget';
import type { SendRequest } from './signed-sender';
import type { HttpAnswer, IngestionRequest, IngestionResult, LogSink } from './types';

/** Options for {@link startIngestionJob}. */
export interface StartIngestionJobProps {
  readonly request: IngestionRequest;
  /** Sends requests signed for service `bedrock` to the Bedrock Agent API. */
  readonly send: SendRequest;
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
export async function startIngestionJob(props: StartIngestionJobProps): Promise<IngestionResult> {
  const { request, send, budget, log } = props;
  const path =
    `/knowledgebases/${encodeURIComponent(request.knowledgeBaseId)}` +
    `/datasources/${encodeURIComponent(request.dataSourceId)}/ingestionjobs/`;
  const body = {
    clientToken: props.clientToken ?? randomUUID(),
    ...(request.description === undefined ? {} : { description: request.description }),
  };
  const options = {
    step: 'start ingestion job',
    budget,
    log,
    forbiddenHint: "check that this function's role may bedrock:StartIngestionJob on the knowledge base",
  };
  const answer = await retryWithinBudget(options, async () => {
    const answer = await send('PUT', path, body);
    if (answer.status >= 200 && answer.status < 300) return succeeded(answer);
    const { type, message } = serviceError(answer);
    if (!RETRYABLE(answer.status)) throw new IngestionRejectedError(answer.status, type, message);
    return retryBecause(`HTTP ${answer.status}: ${type}: ${message}`);
  });
  return started(props, answer);
}

function started({ request, log, budget }: StartIngestionJobProps, answer: HttpAnswer): IngestionResult {
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
