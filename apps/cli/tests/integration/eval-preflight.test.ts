import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useLocalAgentRuntime } from './support/aws-env';
import { chunk, exception, FakeAgentRuntime } from './support/fake-agent-runtime';
import { lines, runCli } from './support/run-cli';
import { scriptedOrderAgent } from './support/scripted-order-agent';

// eval checks everything it needs before the first scenario: a setup mistake is exit 3 and one line per
// problem, never a run of failed scenarios reported as regressions (exit 8).

const STARTER_SCENARIOS = resolve(__dirname, '../../scenarios');

let fake: FakeAgentRuntime;
let restoreEnv: () => void;
let scratch: string;

beforeAll(async () => {
  fake = await FakeAgentRuntime.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  restoreEnv = useLocalAgentRuntime(fake.endpoint);
  fake.reset();
  fake.respondWith(scriptedOrderAgent());
  scratch = mkdtempSync(join(tmpdir(), 'order-agent-eval-preflight-'));
  // No shared config or credentials files: the variables decide.
  process.env.AWS_CONFIG_FILE = join(scratch, 'no-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(scratch, 'no-credentials');
});
afterEach(() => {
  delete process.env.AWS_CONFIG_FILE;
  delete process.env.AWS_SHARED_CREDENTIALS_FILE;
  restoreEnv();
  rmSync(scratch, { recursive: true, force: true });
});

function unset(...names: string[]): void {
  for (const name of names) delete process.env[name];
}

test('no region and no credentials: one line each, exit 3, nothing sent, no report', async () => {
  unset('AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY');
  const report = join(scratch, 'report.json');

  const run = await runCli(['eval', STARTER_SCENARIOS, '--report', report], { cwd: scratch });

  expect(run.code).toBe(3);
  const errors = lines(run.stderr());
  expect(errors).toHaveLength(2);
  expect(errors[0]).toMatch(/^order-agent: no AWS region: pass --region, set AWS_REGION/);
  expect(errors[1]).toMatch(/^order-agent: no AWS credentials \(.*\): set AWS_PROFILE/);
  expect(run.stdout()).toBe('');
  expect(fake.requests).toHaveLength(0);
  expect(existsSync(report)).toBe(false);
});

test('an endpoint with nothing listening: exit 3 naming it, nothing run', async () => {
  const closedPort = await (async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    await new Promise<void>((done) => server.close(() => done()));
    return port;
  })();
  process.env.AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME = `http://127.0.0.1:${closedPort}`;

  const run = await runCli(['eval', STARTER_SCENARIOS, '--report', join(scratch, 'r.json')], {
    cwd: scratch,
  });

  expect(run.code).toBe(3);
  expect(lines(run.stderr())).toEqual([
    `order-agent: nothing is listening at http://127.0.0.1:${closedPort} (ECONNREFUSED)`,
  ]);
});

test('a report path whose directory does not exist: exit 3 before the first scenario', async () => {
  const report = join(scratch, 'missing-dir', 'report.json');

  const run = await runCli(['eval', STARTER_SCENARIOS, '--report', report], { cwd: scratch });

  expect(run.code).toBe(3);
  expect(lines(run.stderr())).toEqual([
    `order-agent: cannot write ${report}: directory ${join(scratch, 'missing-dir')} does not exist`,
  ]);
  expect(fake.requests).toHaveLength(0);
});

test('--junit writes JUnit XML with a failure per failed expectation; --json puts the report on stdout', async () => {
  const file = join(scratch, 'one.yaml');
  writeFileSync(
    file,
    'name: Lookup & <status>\nturns:\n  - user: Where is ORD-1003?\n    expect:\n      answerContains: ["shipped", "teleported"]\n',
  );
  fake.reset();
  fake.reply([chunk('ORD-1003 has shipped.')]);
  const junit = join(scratch, 'junit.xml');

  const run = await runCli(['eval', file, '--report', join(scratch, 'r.json'), '--junit', junit, '--json'], {
    cwd: scratch,
  });

  expect(run.code).toBe(8);
  const report = JSON.parse(run.stdout());
  expect(report.summary).toEqual({
    scenarios: 1,
    scenariosPassed: 0,
    expectations: 2,
    expectationsPassed: 1,
  });
  const xml = readFileSync(junit, 'utf8');
  expect(xml).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="order-agent eval" tests="2" failures="1"/,
  );
  expect(xml).toContain('<testsuite name="Lookup &amp; &lt;status&gt;"');
  expect(xml).toContain('tests="2" failures="1" errors="0"');
  expect((xml.match(/<testcase /g) ?? []).length).toBe(2);
  expect((xml.match(/<failure message="/g) ?? []).length).toBe(1);
  expect(xml).toContain('teleported');
});

test('a turn that ends in an error is a JUnit error', async () => {
  const file = join(scratch, 'one.yaml');
  writeFileSync(file, 'name: Broken\nturns:\n  - user: hi\n    expect:\n      answerContains: ["x"]\n');
  fake.reset();
  fake.reply([exception('dependencyFailedException', 'Lambda failed')]);
  const junit = join(scratch, 'junit.xml');

  const run = await runCli(['eval', file, '--report', join(scratch, 'r.json'), '--junit', junit], {
    cwd: scratch,
  });

  expect(run.code).toBe(8);
  expect(readFileSync(junit, 'utf8')).toMatch(/<error message="[^"]*Lambda failed/);
});
