import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/main';
import { useLocalAgentRuntime } from './support/aws-env';
import { chunk, FakeAgentRuntime, rationaleTrace } from './support/fake-agent-runtime';
import { runCli, TEST_IDS } from './support/run-cli';
import { captureIo } from './support/test-io';

// --endpoint-url, --profile and --no-color, which every command that calls AWS (or prints colour) accepts.

let fake: FakeAgentRuntime;
let restoreEnv: () => void;
let scratch: string;

beforeAll(async () => {
  fake = await FakeAgentRuntime.start();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
  fake.respondWith(() => [rationaleTrace('thinking'), chunk('ok')]);
  scratch = mkdtempSync(join(tmpdir(), 'order-agent-aws-flags-'));
});
afterEach(() => {
  restoreEnv();
  rmSync(scratch, { recursive: true, force: true });
});

test('--endpoint-url wins over AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME', async () => {
  restoreEnv = useLocalAgentRuntime('http://127.0.0.1:9');

  const run = await runCli(['invoke', '--endpoint-url', fake.endpoint, '--session-id', 's-url', 'hi']);

  expect(run.code).toBe(0);
  expect(fake.requests).toHaveLength(1);
});

test('--profile takes the credentials of that profile', async () => {
  restoreEnv = useLocalAgentRuntime(fake.endpoint);
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
  writeFileSync(join(scratch, 'config'), '[profile ops]\nregion = us-east-1\n');
  writeFileSync(
    join(scratch, 'credentials'),
    '[ops]\naws_access_key_id = AKIDOPSPROFILE\naws_secret_access_key = s\n',
  );
  process.env.AWS_CONFIG_FILE = join(scratch, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(scratch, 'credentials');
  try {
    const run = await runCli(['invoke', '--profile', 'ops', '--session-id', 's-profile', 'hi']);

    expect(run.code).toBe(0);
    expect(String(fake.requests[0]?.headers.authorization)).toContain('Credential=AKIDOPSPROFILE/');
  } finally {
    delete process.env.AWS_CONFIG_FILE;
    delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    // useLocalAgentRuntime set both; restoreEnv() puts back what was there before it.
    if (saved.id !== undefined) process.env.AWS_ACCESS_KEY_ID = saved.id;
    if (saved.secret !== undefined) process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  }
});

test('--no-color: no ANSI escapes even on a terminal', async () => {
  restoreEnv = useLocalAgentRuntime(fake.endpoint);
  const onTerminal = async (argv: string[]) => {
    const captured = captureIo({ env: { ...TEST_IDS } });
    const io = { ...captured.io, isTTY: { stdin: false, stdout: true, stderr: true } };
    const code = await main(argv, io);
    return { code, stderr: captured.stderr() };
  };

  const coloured = await onTerminal(['invoke', '--trace', '--session-id', 's-c', 'hi']);
  const plain = await onTerminal(['invoke', '--trace', '--no-color', '--session-id', 's-p', 'hi']);

  expect(coloured.code).toBe(0);
  expect(coloured.stderr).toContain('\u001b[');
  expect(plain.code).toBe(0);
  expect(plain.stderr).toContain('[trace] rationale: thinking');
  expect(plain.stderr).not.toContain('\u001b[');
});
