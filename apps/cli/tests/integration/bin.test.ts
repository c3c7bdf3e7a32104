import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import packageJson from '../../package.json';
import { chunk, exception, FakeAgentRuntime } from './support/fake-agent-runtime';

const PACKAGE_DIR = resolve(__dirname, '../..');
const BIN = join(PACKAGE_DIR, 'bin', 'order-agent.js');

interface Spawned {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a script with node asynchronously (the fake server lives in this process, so no *Sync here). */
function node(script: string, args: string[], env: Record<string, string>): Promise<Spawned> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let fake: FakeAgentRuntime;

beforeAll(async () => {
  // The bin loads the esbuild bundle; build it so this test checks the artefact that ships.
  execFileSync(process.execPath, ['build.mjs'], { cwd: PACKAGE_DIR });
  fake = await FakeAgentRuntime.start();
});
afterAll(() => fake.stop());

test('the bin runs the bundle: --version', async () => {
  const run = await node(BIN, ['--version'], {});
  expect(run).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
});

test('the bin talks to the endpoint from AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME and fails with one line, no stack', async () => {
  fake.reply([
    chunk('Checking your order'),
    exception('dependencyFailedException', 'Lambda function failed'),
  ]);

  const run = await node(BIN, ['invoke', '--session-id', 'bin-session', 'Where is ORD-1003?'], {
    AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME: fake.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-test-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    ORDER_AGENT_AGENT_ID: 'AGENT12345',
    ORDER_AGENT_ALIAS_ID: 'ALIAS12345',
  });

  expect(fake.requests[0]?.path).toBe('/agents/AGENT12345/agentAliases/ALIAS12345/sessions/bin-session/text');
  expect(run.code).toBe(7);
  expect(run.stdout).toBe('Checking your order\n');
  expect(run.stderr).toBe(
    'order-agent: a dependency of the agent failed (DependencyFailedException): Lambda function failed\n',
  );
});

test('without a build, the shim says how to build instead of crashing', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'order-agent-bin-'));
  try {
    mkdirSync(join(scratch, 'bin'));
    copyFileSync(BIN, join(scratch, 'bin', 'order-agent.js'));

    const run = await node(join(scratch, 'bin', 'order-agent.js'), ['--help'], {});

    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('npm run build');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
