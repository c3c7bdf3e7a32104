import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kbCommand } from '../../src/commands/kb';
import {
  BedrockAgentStandIn,
  DS,
  JOB,
  JOBS_PATH,
  type JobState,
  KB,
  type StandInScript,
} from './support/bedrock-agent-stand-in';
import { lines, runCli } from './support/run-cli';

// `order-agent kb sync` against a stand-in for the Bedrock Agent control plane on loopback (its REST-JSON
// protocol), with the real SDK client pointed at it through AWS_ENDPOINT_URL_BEDROCK_AGENT.

const NO_AGENT_IDS = { ORDER_AGENT_AGENT_ID: undefined, ORDER_AGENT_ALIAS_ID: undefined };

const savedEnv = { ...process.env };
let standIn: BedrockAgentStandIn | undefined;
let workDir: string;

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'kb-sync-'));
});

afterEach(async () => {
  process.env = { ...savedEnv };
  await standIn?.stop();
  standIn = undefined;
  rmSync(workDir, { recursive: true, force: true });
});

/** Starts the stand-in and points the SDK at it, with dummy credentials and no shared config files. */
async function serve(script: StandInScript): Promise<BedrockAgentStandIn> {
  standIn = new BedrockAgentStandIn(script);
  const endpoint = await standIn.start();
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK_AGENT: endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDKBSYNC',
    AWS_SECRET_ACCESS_KEY: 'kb-sync-secret',
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: join(workDir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-credentials'),
  });
  return standIn;
}

/** `order-agent kb ...` through main(), in the scratch directory, with no agent ids set. */
async function runKb(argv: string[], env: Record<string, string | undefined> = {}) {
  const run = await runCli(['kb', ...argv], { env: { ...NO_AGENT_IDS, ...env }, cwd: workDir });
  const errorLine = lines(run.stderr()).find((line) => line.startsWith('order-agent: '));
  return {
    exitCode: run.code,
    error: errorLine === undefined ? undefined : { message: errorLine.slice('order-agent: '.length) },
    stdout: run.stdout(),
    stderr: run.stderr(),
  };
}

const FAST = ['--poll-interval', '0.02'];
const IDS = ['--knowledge-base-id', KB, '--data-source-id', DS];
const progressing: JobState[] = [
  { status: 'IN_PROGRESS', statistics: { scanned: 1 } },
  { status: 'IN_PROGRESS', statistics: { scanned: 3, newIndexed: 2 } },
  { status: 'COMPLETE', statistics: { scanned: 3, newIndexed: 2, modifiedIndexed: 1, deleted: 1 } },
];

describe('order-agent kb sync against a local Bedrock Agent stand-in', () => {
  it('starts an ingestion job, shows its progress on stderr and prints the statistics', async () => {
    const service = await serve({ states: progressing });

    const result = await runKb(['sync', ...IDS, ...FAST]);

    expect(result.error).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(service.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT ${JOBS_PATH}`,
      `GET ${JOBS_PATH}${JOB}`,
      `GET ${JOBS_PATH}${JOB}`,
      `GET ${JOBS_PATH}${JOB}`,
    ]);
    const start = service.received[0];
    expect(String(start?.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDKBSYNC\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=/,
    );
    expect(JSON.parse(start?.body ?? '')).toEqual({
      description: 'order-agent kb sync',
      clientToken: expect.any(String),
    });
    expect(result.stderr).toContain(`started ingestion job ${JOB} (knowledge base ${KB}, data source ${DS})`);
    const progress = result.stderr.split('\n').filter((line) => /^\[[\d.]+s\] /.test(line));
    expect(progress.map((line) => line.replace(/^\[[\d.]+s\] /, ''))).toEqual([
      'STARTING: no statistics yet',
      'IN_PROGRESS: scanned 1, indexed 0 new + 0 modified, deleted 0, failed 0',
      'IN_PROGRESS: scanned 3, indexed 2 new + 0 modified, deleted 0, failed 0',
      'COMPLETE: scanned 3, indexed 2 new + 1 modified, deleted 1, failed 0',
    ]);
    expect(result.stdout).toMatch(new RegExp(`^ingestion job ${JOB}: COMPLETE after [\\d.]+s\\n`));
    expect(result.stdout.split('\n').slice(1)).toEqual([
      '  documents scanned           3',
      '  new documents indexed       2',
      '  modified documents indexed  1',
      '  documents deleted           1',
      '  documents failed            0',
      '',
    ]);
  });

  it('takes the ids from ORDER_AGENT_* and prints one JSON object with --json', async () => {
    await serve({ states: progressing });

    const result = await runKb(['sync', '--json', ...FAST], {
      ORDER_AGENT_KNOWLEDGE_BASE_ID: KB,
      ORDER_AGENT_DATA_SOURCE_ID: DS,
    });

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      knowledgeBaseId: KB,
      dataSourceId: DS,
      ingestionJobId: JOB,
      status: 'COMPLETE',
      statistics: {
        numberOfDocumentsScanned: 3,
        numberOfMetadataDocumentsScanned: 0,
        numberOfNewDocumentsIndexed: 2,
        numberOfModifiedDocumentsIndexed: 1,
        numberOfMetadataDocumentsModified: 0,
        numberOfDocumentsDeleted: 1,
        numberOfDocumentsFailed: 0,
      },
      failureReasons: [],
      startedAt: '2026-11-25T12:00:00.000Z',
      updatedAt: '2026-11-25T12:00:07.000Z',
      elapsedSeconds: expect.any(Number),
      followedRunningJob: false,
    });
  });

  it('takes the ids and the region from the deploy outputs file, choosing the stack with --env', async () => {
    const service = await serve({
      states: [{ status: 'COMPLETE', statistics: { scanned: 3, newIndexed: 3 } }],
    });
    const outputsFile = join(workDir, 'outputs.json');
    writeFileSync(
      outputsFile,
      JSON.stringify({
        'order-agent-dev': {
          knowledge_base_id: KB,
          data_source_id: DS,
          region: 'eu-west-1',
          agent_id: 'AG1',
        },
        'order-agent-prod': {
          knowledge_base_id: 'KBPROD0001',
          data_source_id: 'DSPROD0001',
          region: 'us-west-2',
        },
      }),
    );

    const result = await runKb(['sync', '--env', 'dev', ...FAST], { ORDER_AGENT_OUTPUTS_FILE: outputsFile });

    expect(result.exitCode).toBe(0);
    expect(service.received[0]?.path).toBe(JOBS_PATH);
    expect(String(service.received[0]?.headers.authorization)).toContain('/eu-west-1/bedrock/aws4_request');
  });

  it('finds deploy-outputs.json in the working directory', async () => {
    const service = await serve({ states: [{ status: 'COMPLETE', statistics: { scanned: 3 } }] });
    writeFileSync(
      join(workDir, 'deploy-outputs.json'),
      JSON.stringify({
        'order-agent-dev': { knowledge_base_id: { value: KB }, data_source_id: { value: DS } },
      }),
    );

    const result = await runKb(['sync', ...FAST]);

    expect(result.exitCode).toBe(0);
    expect(String(service.received[0]?.headers.authorization)).toContain('/us-east-1/bedrock/aws4_request');
  });

  it('exits 7 with the failure reasons when the job fails', async () => {
    await serve({
      states: [
        { status: 'IN_PROGRESS', statistics: { scanned: 3 } },
        {
          status: 'FAILED',
          statistics: { scanned: 3, failed: 3 },
          failureReasons: ['Unable to access the OpenSearch Serverless collection: 403 Forbidden'],
        },
      ],
    });

    const result = await runKb(['sync', ...IDS, ...FAST]);

    expect(result.exitCode).toBe(7);
    expect(result.error?.message).toBe(
      `ingestion job ${JOB} failed: Unable to access the OpenSearch Serverless collection: 403 Forbidden`,
    );
    expect(result.stdout).toContain('  documents failed            3\n');
    expect(result.stdout).toContain(
      '  failure: Unable to access the OpenSearch Serverless collection: 403 Forbidden\n',
    );
  });

  it('exits 7 when the job completes but some documents failed to index', async () => {
    await serve({ states: [{ status: 'COMPLETE', statistics: { scanned: 3, newIndexed: 2, failed: 1 } }] });

    const result = await runKb(['sync', ...IDS, ...FAST, '--json']);

    expect(result.exitCode).toBe(7);
    expect(result.error?.message).toBe(`ingestion job ${JOB} completed, but 1 document(s) failed to index`);
    expect(JSON.parse(result.stdout).error).toEqual({
      kind: 'dependency-failed',
      exitCode: 7,
      message: result.error?.message,
    });
  });

  it('exits 1 when the job was stopped', async () => {
    await serve({ states: [{ status: 'STOPPING' }, { status: 'STOPPED', statistics: { scanned: 1 } }] });

    const result = await runKb(['sync', ...IDS, ...FAST]);

    expect(result.exitCode).toBe(1);
    expect(result.error?.message).toBe(`ingestion job ${JOB} was stopped before it finished`);
  });

  it('gives up after --timeout with one readable line, leaving the job running', async () => {
    const service = await serve({ states: [{ status: 'IN_PROGRESS', statistics: { scanned: 1 } }] });

    const result = await runKb(['sync', ...IDS, '--poll-interval', '0.05', '--timeout', '1']);

    expect(result.exitCode).toBe(1);
    expect(result.error?.message).toBe(
      `timed out after 1s waiting for ingestion job ${JOB} (last status IN_PROGRESS); it keeps running, run kb sync again to follow it`,
    );
    expect(service.received.filter((request) => request.method === 'GET').length).toBeGreaterThanOrEqual(3);
    expect(result.stdout).toMatch(new RegExp(`^ingestion job ${JOB}: IN_PROGRESS after`));
  });

  it('follows the job already running when the data source is busy', async () => {
    const service = await serve({
      start: {
        status: 409,
        error: 'ConflictException',
        message: 'There is already an ongoing ingestion job for this data source',
      },
      running: [
        { id: 'IJRUNNING01', status: 'IN_PROGRESS' },
        { id: 'IJOLDJOB001', status: 'COMPLETE' },
      ],
      states: [{ status: 'COMPLETE', statistics: { scanned: 3, modifiedIndexed: 1 } }],
    });

    const result = await runKb(['sync', ...IDS, ...FAST, '--json']);

    expect(result.exitCode).toBe(0);
    expect(service.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT ${JOBS_PATH}`,
      `POST ${JOBS_PATH}`,
      `GET ${JOBS_PATH}IJRUNNING01`,
    ]);
    expect(JSON.parse(service.received[1]?.body ?? '')).toEqual({
      sortBy: { attribute: 'STARTED_AT', order: 'DESCENDING' },
      maxResults: 10,
    });
    expect(result.stderr).toContain(
      'ingestion job IJRUNNING01 is already running for this data source; following it',
    );
    expect(JSON.parse(result.stdout)).toMatchObject({
      ingestionJobId: 'IJRUNNING01',
      status: 'COMPLETE',
      followedRunningJob: true,
    });
  });

  it('reports an unknown knowledge base as a configuration error (exit 3)', async () => {
    await serve({
      start: {
        status: 404,
        error: 'ResourceNotFoundException',
        message: `Knowledge base ${KB} does not exist`,
      },
      states: [],
    });

    const result = await runKb(['sync', ...IDS, ...FAST]);

    expect(result.exitCode).toBe(3);
    expect(result.error?.message).toBe(
      `knowledge base or data source not found: Knowledge base ${KB} does not exist (request id req-1)`,
    );
  });

  it('reports access denied (exit 4)', async () => {
    await serve({
      start: {
        status: 403,
        error: 'AccessDeniedException',
        message: 'not authorized to perform bedrock:StartIngestionJob',
      },
      states: [],
    });

    const result = await runKb(['sync', ...IDS, ...FAST]);

    expect(result.exitCode).toBe(4);
    expect(result.error?.message).toMatch(
      /^access denied \(AccessDeniedException\): not authorized to perform bedrock:StartIngestionJob/,
    );
  });

  it('says where the ids can come from when none is configured (exit 3)', async () => {
    await serve({ states: [] });

    const result = await runKb(['sync', '--data-source-id', DS]);

    expect(result.exitCode).toBe(3);
    expect(result.error?.message).toBe(
      'missing knowledge base id (--knowledge-base-id or ORDER_AGENT_KNOWLEDGE_BASE_ID): set it, or deploy so deploy-outputs.json exists (or set ORDER_AGENT_OUTPUTS_FILE)',
    );
    expect(standIn?.received).toEqual([]);
  });

  it.each([
    [[], 'missing sub-command: sync'],
    [['status'], 'unknown kb sub-command "status"; sub-commands: sync'],
    [['sync', 'extra'], 'unexpected argument "extra"'],
    [
      ['sync', '--poll-interval', '0'],
      '--poll-interval must be a number of seconds above 0 and at most 86400, got "0"',
    ],
    [
      ['sync', '--timeout', 'soon'],
      '--timeout must be a number of seconds above 0 and at most 86400, got "soon"',
    ],
  ])('rejects kb %j with a usage error (exit 2)', async (argv, message) => {
    const result = await runKb(argv);

    expect(result.exitCode).toBe(2);
    expect(result.error?.message).toBe(message);
  });

  it('prints its help', async () => {
    const result = await runKb(['sync', '--help']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: order-agent kb sync [options]');
    expect(result.stdout).toBe(`${kbCommand.help}\n`);
  });
});
