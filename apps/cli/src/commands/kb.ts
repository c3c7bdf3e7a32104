import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BedrockAgentClient,
  GetIngestionJobCommand,
  type IngestionJob,
  type IngestionJobStatistics,
  ListIngestionJobsCommand,
  StartIngestionJobCommand,
} from '@aws-sdk/client-bedrock-agent';
import { locateDeployOutputs, readDeployOutputs, selectStack } from '../config/deploy-outputs';
import { CliError, ConfigError, ErrorKind, oneLine, toCliError, UsageError } from '../errors';
import { Style } from '../output/style';
import type { CliIo, Command } from '../types';
import { COMMON_OPTIONS, parseCommandArgs } from './args';

const OPTIONS = {
  ...COMMON_OPTIONS,
  'knowledge-base-id': { type: 'string' },
  'data-source-id': { type: 'string' },
  env: { type: 'string' },
  region: { type: 'string' },
  'poll-interval': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const DEFAULT_POLL_SECONDS = 5;
const DEFAULT_TIMEOUT_SECONDS = 900;
/** Statuses after which a job changes no more. */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['COMPLETE', 'FAILED', 'STOPPED']);

const HELP = `Usage: order-agent kb sync [options]

Starts an ingestion job for the knowledge base's data source (Bedrock reads the documents bucket, embeds
new and changed documents, removes deleted ones) and follows it until it ends. Progress goes to stderr; the
statistics (scanned, new and modified indexed, deleted, failed) go to stdout. If a job is already running
for the data source, that job is followed instead of starting a second one.

Target:
  --knowledge-base-id ID  Default: $ORDER_AGENT_KNOWLEDGE_BASE_ID, else the deploy outputs file.
  --data-source-id ID     Default: $ORDER_AGENT_DATA_SOURCE_ID, else the deploy outputs file.
  --env NAME              Which stack of the deploy outputs file to use: dev, prod, or a full stack name
                          (order-agent-dev). Default: $ORDER_AGENT_ENV, else the only stack in the file.
  --region REGION         AWS region. Default: the deploy outputs file's region when it supplied an id,
                          else the SDK's chain ($AWS_REGION, then your profile).

Waiting:
  --poll-interval S       Seconds between status checks (default ${DEFAULT_POLL_SECONDS}; fractions allowed).
  --timeout S             Give up waiting after S seconds (default ${DEFAULT_TIMEOUT_SECONDS}); the job itself keeps running.

Output:
  --json                  Print one JSON object to stdout at the end: { knowledgeBaseId, dataSourceId,
                          ingestionJobId, status, statistics, failureReasons, startedAt, updatedAt,
                          elapsedSeconds, followedRunningJob, error? }.
  --debug                 Print stack traces with errors.
  -h, --help              Show this help.

The deploy outputs file is deploy-outputs.json at the repository root, or $ORDER_AGENT_OUTPUTS_FILE:
{ "<stack>": { "knowledge_base_id": ..., "data_source_id": ..., "region": ... } }.
Credentials and endpoint follow the AWS SDK's standard configuration ($AWS_PROFILE, $AWS_ACCESS_KEY_ID...,
$AWS_ENDPOINT_URL_BEDROCK_AGENT).

Exit codes: 0 the job completed with no failed documents, 1 timed out, stopped or other failure, 2 usage,
3 configuration (ids, region, credentials, unknown knowledge base or data source), 4 access denied,
5 throttled, 6 validation, 7 the job failed or some documents failed to index.

Examples:
  order-agent kb sync
  order-agent kb sync --env prod --timeout 1800
  order-agent kb sync --json | jq .statistics`;

/** Which data source to sync, and where. */
interface SyncTarget {
  readonly knowledgeBaseId: string;
  readonly dataSourceId: string;
  readonly region?: string;
}

export const kbCommand: Command = {
  name: 'kb',
  summary: 'Knowledge base: sync the documents (start an ingestion job and follow it)',
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('kb', argv, OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    const [action, ...extra] = positionals;
    if (action !== 'sync') {
      throw new UsageError(
        action === undefined
          ? 'missing sub-command: sync'
          : `unknown kb sub-command "${action}"; sub-commands: sync`,
      );
    }
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const pollMs = secondsFlag('poll-interval', values['poll-interval'], DEFAULT_POLL_SECONDS) * 1000;
    const timeoutMs = secondsFlag('timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS) * 1000;
    const target = resolveSyncTarget(
      {
        knowledgeBaseId: values['knowledge-base-id'],
        dataSourceId: values['data-source-id'],
        env: values.env,
        region: values.region,
      },
      io,
    );
    const client = new BedrockAgentClient(target.region ? { region: target.region } : {});
    try {
      return await new IngestionSync(client, target, io, values.json === true).run(pollMs, timeoutMs);
    } finally {
      client.destroy();
    }
  },
};

/** Starts (or joins) one ingestion job and follows it to its end. */
class IngestionSync {
  private readonly style: Style;
  private readonly startedAt = Date.now();
  private followedRunningJob = false;
  private lastProgress = '';

  constructor(
    private readonly client: BedrockAgentClient,
    private readonly target: SyncTarget,
    private readonly io: CliIo,
    private readonly json: boolean,
  ) {
    this.style = Style.for(io, 'stderr');
  }

  async run(pollMs: number, timeoutMs: number): Promise<number> {
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

/**
 * Ids come from flags, else ORDER_AGENT_KNOWLEDGE_BASE_ID / ORDER_AGENT_DATA_SOURCE_ID, else the deploy outputs
 * file. The region comes from --region, else the deploy outputs when they supplied an id, else the SDK's chain.
 */
function resolveSyncTarget(
  flags: { knowledgeBaseId?: string; dataSourceId?: string; env?: string; region?: string },
  io: CliIo,
): SyncTarget {
  let knowledgeBaseId = nonEmpty(flags.knowledgeBaseId) ?? nonEmpty(io.env.ORDER_AGENT_KNOWLEDGE_BASE_ID);
  let dataSourceId = nonEmpty(flags.dataSourceId) ?? nonEmpty(io.env.ORDER_AGENT_DATA_SOURCE_ID);
  let region = nonEmpty(flags.region);
  let outputsFile: string | undefined;
  if (!knowledgeBaseId || !dataSourceId) {
    outputsFile = locateDeployOutputs(io.cwd, io.env);
    if (outputsFile) {
      const stack = selectStack(
        readDeployOutputs(outputsFile),
        flags.env ?? nonEmpty(io.env.ORDER_AGENT_ENV),
        outputsFile,
      );
      const outputs = readStackOutputs(outputsFile, stack.stackName);
      const fromFile = {
        kb: findOutput(outputs, 'knowledgebaseid'),
        ds: findOutput(outputs, 'datasourceid'),
      };
      knowledgeBaseId ??= fromFile.kb;
      dataSourceId ??= fromFile.ds;
      if (fromFile.kb || fromFile.ds) region ??= stack.region;
    }
  }
  const missing = [
    knowledgeBaseId ? undefined : 'knowledge base id (--knowledge-base-id or ORDER_AGENT_KNOWLEDGE_BASE_ID)',
    dataSourceId ? undefined : 'data source id (--data-source-id or ORDER_AGENT_DATA_SOURCE_ID)',
  ].filter((what) => what !== undefined);
  if (!knowledgeBaseId || !dataSourceId) {
    const where = outputsFile
      ? `, and ${outputsFile} does not provide ${missing.length > 1 ? 'them' : 'it'}`
      : ', or deploy so deploy-outputs.json exists (or set ORDER_AGENT_OUTPUTS_FILE)';
    throw new ConfigError(
      `missing ${missing.join(' and ')}: set ${missing.length > 1 ? 'them' : 'it'}${where}`,
    );
  }
  return { knowledgeBaseId, dataSourceId, ...(region ? { region } : {}) };
}

/** The raw outputs of one stack; readDeployOutputs has already checked that the file parses. */
function readStackOutputs(file: string, stackName: string): Record<string, unknown> {
  const stacks = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const outputs = stacks[stackName];
  return typeof outputs === 'object' && outputs !== null ? (outputs as Record<string, unknown>) : {};
}

/** Same matching as the deploy-outputs reader: case and separators ignored, prefixed names accepted. */
function findOutput(outputs: Record<string, unknown>, wanted: string): string | undefined {
  const entries = Object.entries(outputs).map(([key, value]) => {
    const raw = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : value;
    return [
      key.toLowerCase().replace(/[^a-z0-9]/g, ''),
      typeof raw === 'string' && raw !== '' ? raw : undefined,
    ] as const;
  });
  return (entries.find(([key, value]) => key === wanted && value) ??
    entries.find(([key, value]) => key.endsWith(wanted) && value))?.[1];
}

/** Bedrock Agent's modelled errors, worded for knowledge bases; anything else goes through the CLI's mapping. */
function toSyncError(error: unknown): CliError {
  if (!(error instanceof Error)) return toCliError(error);
  const detail = oneLine(error.message || error.name);
  const requestId = (error as { $metadata?: { requestId?: string } }).$metadata?.requestId;
  const suffix = requestId ? ` (request id ${requestId})` : '';
  switch (error.name) {
    case 'ResourceNotFoundException':
      return new ConfigError(`knowledge base or data source not found: ${detail}${suffix}`, { cause: error });
    case 'ConflictException':
      return new CliError(
        ErrorKind.FAILURE,
        `the data source is busy (ConflictException): ${detail}${suffix}`,
        { cause: error },
      );
    case 'ServiceQuotaExceededException':
      return new CliError(
        ErrorKind.THROTTLED,
        `ingestion job quota reached (${error.name}): ${detail}${suffix}`,
        { cause: error },
      );
  }
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET' || code === 'ETIMEDOUT') {
    return new CliError(ErrorKind.FAILURE, `cannot reach the Bedrock Agent endpoint (${code}): ${detail}`, {
      cause: error,
    });
  }
  return toCliError(error);
}

function describeStatistics(stats: IngestionJobStatistics | undefined): string {
  if (!stats) return 'no statistics yet';
  return (
    `scanned ${stats.numberOfDocumentsScanned ?? 0}, indexed ${stats.numberOfNewDocumentsIndexed ?? 0} new + ` +
    `${stats.numberOfModifiedDocumentsIndexed ?? 0} modified, deleted ${stats.numberOfDocumentsDeleted ?? 0}, ` +
    `failed ${stats.numberOfDocumentsFailed ?? 0}`
  );
}

function secondsFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(number > 0) || number > 86_400) {
    throw new UsageError(`--${name} must be a number of seconds above 0 and at most 86400, got "${value}"`);
  }
  return number;
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

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
