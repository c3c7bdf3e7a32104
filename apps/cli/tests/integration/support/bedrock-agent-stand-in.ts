import { createServer, type IncomingHttpHeaders } from 'node:http';
import { type LoopbackServer, listenOnLoopback } from '@order-agent/local-aws';

// A stand-in for the Bedrock Agent control plane on loopback, speaking its REST-JSON protocol, with the real
// SDK client pointed at it through AWS_ENDPOINT_URL_BEDROCK_AGENT.

export const KB = 'KBX7Q2L9PA';
export const DS = 'DSW3N8V1TE';
export const JOB = 'IJ5R0M4KZD';
export const JOBS_PATH = `/knowledgebases/${KB}/datasources/${DS}/ingestionjobs/`;

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

type Statistics = Partial<
  Record<'scanned' | 'newIndexed' | 'modifiedIndexed' | 'deleted' | 'failed', number>
>;
export interface JobState {
  readonly status: string;
  readonly statistics?: Statistics;
  readonly failureReasons?: string[];
}
interface ServiceError {
  readonly error: string;
  readonly status: number;
  readonly message: string;
}

export interface StandInScript {
  /** What StartIngestionJob answers: the new job, or a modelled error. */
  readonly start?: ServiceError;
  /** The job's state on each GetIngestionJob, in order; the last one repeats. */
  readonly states: readonly JobState[];
  /** ListIngestionJobs answer (newest first). */
  readonly running?: readonly { id: string; status: string }[];
}

function jobBody(id: string, state: JobState) {
  const s = state.statistics;
  return {
    knowledgeBaseId: KB,
    dataSourceId: DS,
    ingestionJobId: id,
    description: 'order-agent kb sync',
    status: state.status,
    ...(s
      ? {
          statistics: {
            numberOfDocumentsScanned: s.scanned ?? 0,
            numberOfMetadataDocumentsScanned: 0,
            numberOfNewDocumentsIndexed: s.newIndexed ?? 0,
            numberOfModifiedDocumentsIndexed: s.modifiedIndexed ?? 0,
            numberOfMetadataDocumentsModified: 0,
            numberOfDocumentsDeleted: s.deleted ?? 0,
            numberOfDocumentsFailed: s.failed ?? 0,
          },
        }
      : {}),
    ...(state.failureReasons ? { failureReasons: state.failureReasons } : {}),
    startedAt: '2026-11-25T12:00:00Z',
    updatedAt: '2026-11-25T12:00:07Z',
  };
}

export class BedrockAgentStandIn {
  readonly received: Received[] = [];
  private listening?: LoopbackServer;
  private gets = 0;

  constructor(private readonly script: StandInScript) {}

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        };
        this.received.push(request);
        const [status, body, errorType] = this.answer(request);
        res.writeHead(status, {
          'content-type': 'application/json',
          'x-amzn-requestid': `req-${this.received.length}`,
          ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
        });
        res.end(JSON.stringify(body));
      });
    });
    this.listening = await listenOnLoopback(server);
    return this.listening.endpoint;
  }

  async stop(): Promise<void> {
    await this.listening?.stop();
  }

  private answer(request: Received): [number, unknown, string?] {
    const { script } = this;
    if (request.method === 'PUT' && request.path === JOBS_PATH) {
      if (script.start) return [script.start.status, { message: script.start.message }, script.start.error];
      return [202, { ingestionJob: jobBody(JOB, { status: 'STARTING' }) }];
    }
    if (request.method === 'POST' && request.path === JOBS_PATH) {
      const summaries = (script.running ?? []).map((job) => jobBody(job.id, { status: job.status }));
      return [200, { ingestionJobSummaries: summaries }];
    }
    const get = new RegExp(`^${JOBS_PATH}([A-Z0-9]+)$`).exec(request.path);
    if (request.method === 'GET' && get) {
      const state = script.states[Math.min(this.gets++, script.states.length - 1)] ?? {
        status: 'IN_PROGRESS',
      };
      return [200, { ingestionJob: jobBody(get[1] ?? '', state) }];
    }
    return [404, { message: `no route for ${request.method} ${request.path}` }, 'ResourceNotFoundException'];
  }
}
