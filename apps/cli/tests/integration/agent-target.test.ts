import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useLocalAgentRuntime } from './support/aws-env';
import { chunk, FakeAgentRuntime } from './support/fake-agent-runtime';
import { lines, runCli } from './support/run-cli';

let fake: FakeAgentRuntime;
let restoreEnv: () => void;
let scratch: string;

const NO_IDS = { ORDER_AGENT_AGENT_ID: undefined, ORDER_AGENT_ALIAS_ID: undefined };

beforeAll(async () => {
  fake = await FakeAgentRuntime.start();
  restoreEnv = useLocalAgentRuntime(fake.endpoint);
  fake.respondWith(() => [chunk('ok')]);
});
afterAll(async () => {
  restoreEnv();
  await fake.stop();
});
beforeEach(() => {
  fake.requests.length = 0;
  scratch = mkdtempSync(join(tmpdir(), 'order-agent-target-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function writeOutputs(file: string, outputs: unknown): string {
  writeFileSync(file, JSON.stringify(outputs));
  return file;
}

const TWO_STACKS = {
  'order-agent-dev': { agent_id: 'DEVAGENT01', agent_alias_id: 'DEVALIAS01', region: 'us-east-1' },
  'order-agent-prod': { agent_id: 'PRODAGENT1', agent_alias_id: 'PRODALIAS1', region: 'eu-west-1' },
};

/** The region the SDK signed for, read from the Authorization header's credential scope. */
function signedRegion(): string | undefined {
  return /Credential=[^/]+\/\d+\/([^/]+)\//.exec(String(fake.requests[0]?.headers.authorization))?.[1];
}

test('missing ids: one line naming what to set, exit 3, nothing sent', async () => {
  const run = await runCli(['invoke', 'hi'], { env: NO_IDS, cwd: scratch });

  expect(run.code).toBe(3);
  expect(lines(run.stderr())).toEqual([
    'order-agent: missing agent id (--agent-id or ORDER_AGENT_AGENT_ID) and alias id (--alias-id or ORDER_AGENT_ALIAS_ID): set them, or deploy so deploy-outputs.json exists (or set ORDER_AGENT_OUTPUTS_FILE)',
  ]);
  expect(fake.requests).toHaveLength(0);
});

test('only the alias missing names only the alias', async () => {
  const run = await runCli(['invoke', '--agent-id', 'AGENTX', 'hi'], { env: NO_IDS, cwd: scratch });
  expect(run.code).toBe(3);
  expect(run.stderr()).toContain('missing alias id (--alias-id or ORDER_AGENT_ALIAS_ID): set it');
});

test('flags win over environment variables', async () => {
  await runCli(['invoke', '--agent-id', 'FLAGAGENT', '--alias-id', 'FLAGALIAS', '--session-id', 's1', 'hi']);
  expect(fake.requests[0]?.path).toBe('/agents/FLAGAGENT/agentAliases/FLAGALIAS/sessions/s1/text');
});

test('the outputs file supplies ids and region for the stack picked with --env', async () => {
  const file = writeOutputs(join(scratch, 'outputs.json'), TWO_STACKS);

  const run = await runCli(['invoke', '--env', 'prod', '--session-id', 's1', 'hi'], {
    env: { ...NO_IDS, ORDER_AGENT_OUTPUTS_FILE: file },
  });

  expect(run.code).toBe(0);
  expect(fake.requests[0]?.path).toBe('/agents/PRODAGENT1/agentAliases/PRODALIAS1/sessions/s1/text');
  expect(signedRegion()).toBe('eu-west-1');
});

test('ORDER_AGENT_ENV picks the stack too, and --region overrides the file', async () => {
  const file = writeOutputs(join(scratch, 'outputs.json'), TWO_STACKS);

  await runCli(['invoke', '--region', 'ap-southeast-2', '--session-id', 's1', 'hi'], {
    env: { ...NO_IDS, ORDER_AGENT_OUTPUTS_FILE: file, ORDER_AGENT_ENV: 'order-agent-dev' },
  });

  expect(fake.requests[0]?.agentId).toBe('DEVAGENT01');
  expect(signedRegion()).toBe('ap-southeast-2');
});

test('several stacks and no environment chosen: exit 3 listing the stacks', async () => {
  const file = writeOutputs(join(scratch, 'outputs.json'), TWO_STACKS);

  const run = await runCli(['invoke', 'hi'], { env: { ...NO_IDS, ORDER_AGENT_OUTPUTS_FILE: file } });

  expect(run.code).toBe(3);
  expect(lines(run.stderr())).toEqual([
    `order-agent: ${file} holds several stacks (order-agent-dev, order-agent-prod); pick one with --env or ORDER_AGENT_ENV`,
  ]);
});

test('deploy-outputs.json is found at the repository root from a subdirectory; terraform-style values work', async () => {
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ workspaces: ['apps/*'] }));
  writeOutputs(join(scratch, 'deploy-outputs.json'), {
    'order-agent-dev': { agentId: { value: 'ROOTAGENT1' }, agentAliasId: { value: 'ROOTALIAS1' } },
  });
  const subdirectory = join(scratch, 'apps', 'order-agent');
  mkdirSync(subdirectory, { recursive: true });

  const run = await runCli(['invoke', '--session-id', 's1', 'hi'], { env: NO_IDS, cwd: subdirectory });

  expect(run.code).toBe(0);
  expect(fake.requests[0]?.agentId).toBe('ROOTAGENT1');
  expect(fake.requests[0]?.agentAliasId).toBe('ROOTALIAS1');
  expect(signedRegion()).toBe('us-east-1');
});

test.each([
  ['not JSON', '{ nope', 'cannot read deploy outputs file'],
  ['not an object', '[1, 2]', 'is not a JSON object of stacks'],
  ['unknown environment', JSON.stringify(TWO_STACKS), 'no stack for environment "staging"'],
])('a bad outputs file (%s) is a configuration error', async (_case, content, message) => {
  const file = join(scratch, 'outputs.json');
  writeFileSync(file, content);

  const run = await runCli(['invoke', '--env', 'staging', 'hi'], {
    env: { ...NO_IDS, ORDER_AGENT_OUTPUTS_FILE: file },
  });

  expect(run.code).toBe(3);
  expect(lines(run.stderr())).toHaveLength(1);
  expect(run.stderr()).toContain(message);
});

test('a named outputs file that does not exist is a configuration error', async () => {
  const run = await runCli(['invoke', 'hi'], {
    env: { ...NO_IDS, ORDER_AGENT_OUTPUTS_FILE: join(scratch, 'missing.json') },
  });
  expect(run.code).toBe(3);
  expect(run.stderr()).toContain('missing.json: ENOENT');
});
