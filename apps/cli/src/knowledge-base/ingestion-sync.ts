import { setTimeout as sleep } from 'node:timers/promises';
import {
  type BedrockAgentClient,
  GetIngestionJobCommand,
  type IngestionJob,
  type IngestionJobStatistics,
  ListIngestionJobsCommand,
  StartIngestionJobCommand,
} from '@aws-sdk/client-bedrock-agent';
import { CliError, ErrorKind, oneLine } from '../errors';
import { Style } from '../output/style';
import type { CliIo } from '../types';
import { toSyncError } from './sync-errors';

/** Which data source to sync, and where. */
export interface SyncTarget {
  readonly knowledgeBaseId: string;
  readonly dataSourceId: string;
  readonly region?: string;
}

/** How long to wait, how often to look, and how to print the result. */
export interface SyncOptions {
  readonly pollMs: number;
  readonly timeoutMs: number;
  readonly json: boolean;
}

/** Statuses after which a job changes no more. */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['COMPLETE', 'FAILED', 'STOPPED']);

/** Starts (or joins) one ingestion job and follows it to its end. */
export class IngestionSync {
  private readonly style: Style;
  private readonly startedAt = Date.now();
  private followedRunningJob = false;
  private lastProgress = '';

  private readonly json: boolean;

  constructor(
    private readonly client: BedrockAgentClient,
    private readonly target: SyncTarget,
    private readonly io: CliIo,
    private readonly options: SyncOptions,
  ) {
    this.style = Style.for(io, 'stderr');
    this.json = options.json;
  }

  /** Resolves to exit code 0 when the job completed cleanly; otherwise throws the CliError that says why. */
  async run(): Promise<number> {
    const { pollMs, timeoutMs } = this.options;
    let job = await this.start();
    this.progress(job);
    const deadline = this.startedAt + timeoutMs;
    while (!FINAL_STATUSES.has(job.status ?? '')) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw this.fail(
          job,
          new CliError(
            ErrorKind.FAILURE,
            `timed out after ${seconds(timeoutMs)}s waiting for ingestion job ${job.ingestionJobId} ` +
              `(last status ${job.status}); it keeps running, run kb sync again to follow it`,
          ),
        );
      }
      await sleep(Math.min(pollMs, remaining));
      job = await this.call(() =>
        this.client.send(new GetIngestionJobCommand({ ...this.ids(), ingestionJobId: job.ingestionJobId })),
      ).then((answer) => required(answer.ingestionJob, 'GetIngestionJob'));
      this.progress(job);
    }

    const failed = job.statistics?.numberOfDocumentsFailed ?? 0;
    const reasons = job.failureReasons?.length ? `: ${oneLine(job.failureReasons.join('; '))}` : '';
    if (job.status === 'FAILED') {
      throw this.fail(
        job,
        new CliError(ErrorKind.DEPENDENCY_FAILED, `ingestion job ${job.ingestionJobId} failed${reasons}`),
      );
    }
    if (job.status === 'STOPPED') {
      throw this.fail(
        job,
        new CliError(ErrorKind.FAILURE, `ingestion job ${job.ingestionJobId} was stopped before it finished`),
      );
    }
    if (failed > 0) {
      throw this.fail(
        job,
        new CliError(
          ErrorKind.DEPENDENCY_FAILED,
          `ingestion job ${job.ingestionJobId} completed, but ${failed} document(s) failed to index${reasons}`,
        ),
      );
    }
    this.report(job);
    return 0;
  }

  /** StartIngestionJob; when the data source already has a running job, follow that one instead. */
  private async start(): Promise<IngestionJob> {
    try {
      const answer = await this.client.send(
        new StartIngestionJobCommand({ ...this.ids(), description: 'order-agent kb sync' }),
      );
      const job = required(answer.ingestionJob, 'StartIngestionJob');
      this.note(
        `started ingestion job ${job.ingestionJobId} (knowledge base ${this.target.knowledgeBaseId}, data source ${this.target.dataSourceId})`,
      );
      return job;
    } catch (error) {
      if ((error as Error).name !== 'ConflictException') throw toSyncError(error);
      const running = await this.findRunningJob();
      if (!running) throw toSyncError(error);
      this.followedRunningJob = true;
      this.note(
        `ingestion job ${running.ingestionJobId} is already running for this data source; following it`,
      );
      return running;
    }
  }

  private async findRunningJob(): Promise<IngestionJob | undefined> {
    const answer = await this.call(() =>
      this.client.send(
        new ListIngestionJobsCommand({
          ...this.ids(),
          sortBy: { attribute: 'STARTED_AT', order: 'DESCENDING' },
          maxResults: 10,
        }),
      ),
    );
    return answer.ingestionJobSummaries?.find((job) => !FINAL_STATUSES.has(job.status ?? ''));
  }

  /** One stderr line whenever the status or the statistics change. */
  private progress(job: IngestionJob): void {
    const line = `${job.status}: ${describeStatistics(job.statistics)}`;
    if (line === this.lastProgress) return;
    this.lastProgress = line;
    this.note(`[${seconds(Date.now() - this.startedAt)}s] ${line}`);
  }

  /** Reports the job as it ended and hands the error back for the caller to throw (main prints its line). */
  private fail(job: IngestionJob, failure: CliError): CliError {
    this.report(job, failure);
    return failure;
  }

  /** Prints the result to stdout: the statistics, or the JSON object. */
  private report(job: IngestionJob, failure?: CliError): void {
    const elapsedSeconds = seconds(Date.now() - this.startedAt);
    if (this.json) {
      const output = {
        ...this.ids(),
        ingestionJobId: job.ingestionJobId,
        status: job.status,
        statistics: job.statistics ?? {},
        failureReasons: job.failureReasons ?? [],
        startedAt: job.startedAt?.toISOString(),
        updatedAt: job.updatedAt?.toISOString(),
        elapsedSeconds,
        followedRunningJob: this.followedRunningJob,
        ...(failure
          ? { error: { kind: failure.kind, exitCode: failure.exitCode, message: failure.message } }
          : {}),
      };
      this.io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      return;
    }
    const stats = job.statistics ?? {};
    const rows: Array<[string, number | undefined]> = [
      ['documents scanned', stats.numberOfDocumentsScanned],
      ['new documents indexed', stats.numberOfNewDocumentsIndexed],
      ['modified documents indexed', stats.numberOfModifiedDocumentsIndexed],
      ['documents deleted', stats.numberOfDocumentsDeleted],
      ['documents failed', stats.numberOfDocumentsFailed],
    ];
    const lines = [
      `ingestion job ${job.ingestionJobId}: ${job.status} after ${elapsedSeconds}s`,
      ...rows.map(([label, value]) => `  ${label.padEnd(28)}${value ?? 0}`),
      ...(job.failureReasons ?? []).map((reason) => `  failure: ${oneLine(reason)}`),
    ];
    this.io.stdout.write(`${lines.join('\n')}\n`);
  }

  /** Runs an SDK call, turning its errors into CLI errors. */
  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toSyncError(error);
    }
  }

  private ids() {
    return { knowledgeBaseId: this.target.knowledgeBaseId, dataSourceId: this.target.dataSourceId };
  }

  private note(text: string): void {
    this.io.stderr.write(`${this.style.dim(text)}\n`);
  }
}

function describeStatistics(stats: IngestionJobStatistics | undefined): string {
  if (!stats) return 'no statistics yet';
  return (
    `scanned ${stats.numberOfDocumentsScanned ?? 0}, indexed ${stats.numberOfNewDocumentsIndexed ?? 0} new + ` +
    `${stats.numberOfModifiedDocumentsIndexed ?? 0} modified, deleted ${stats.numberOfDocumentsDeleted ?? 0}, ` +
    `failed ${stats.numberOfDocumentsFailed ?? 0}`
  );
}

function required<T>(value: T | undefined, operation: string): T {
  if (value === undefined)
    throw new CliError(ErrorKind.FAILURE, `${operation} answered without an ingestion job`);
  return value;
}

/** Seconds with one decimal: short jobs and short timeouts still read sensibly. */
function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
