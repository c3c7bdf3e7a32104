import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import builtIn from '../../guardrail/prompts.json';
import { type FakeGuardrailRules, FakeGuardrailRuntime } from './support/fake-guardrail-runtime';
import { lines, runCli } from './support/run-cli';

// `order-agent guardrail check` through main(), with the real BedrockRuntimeClient pointed at a loopback
// ApplyGuardrail stand-in through AWS_ENDPOINT_URL_BEDROCK_RUNTIME.

const GUARDRAIL = { ORDER_AGENT_GUARDRAIL_ID: 'gr7x2k9q4mzp', ORDER_AGENT_GUARDRAIL_VERSION: '3' };
const RULES: FakeGuardrailRules = {
  guardrailId: GUARDRAIL.ORDER_AGENT_GUARDRAIL_ID,
  guardrailVersion: GUARDRAIL.ORDER_AGENT_GUARDRAIL_VERSION,
  topics: { Programming: ['python', 'javascript'], 'Creative writing': ['poem'] },
};
const PROMPTS = {
  onTopic: [
    { prompt: 'Where is my order ORD-1003?', covers: 'order id' },
    {
      prompt: 'Send ORD-1002 to Sam Lee, 1 New Road, London NW1 6XE, United Kingdom.',
      covers: 'full address',
    },
    { prompt: 'Mail the return label for ORD-1001 to sam@example.com please.', covers: 'masked e-mail' },
  ],
  offTopic: [
    { prompt: 'Write a Python function that sorts a list.', topic: 'Programming' },
    { prompt: 'Write a short poem about autumn.', topic: 'Creative writing' },
  ],
};

let workDir: string;
let standIn: FakeGuardrailRuntime | undefined;
const savedEnv = { ...process.env };

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'guardrail-check-'));
});

afterEach(async () => {
  process.env = { ...savedEnv };
  await standIn?.stop();
  standIn = undefined;
  rmSync(workDir, { recursive: true, force: true });
});

/** Starts the stand-in and points the SDK at it, with dummy credentials and no shared config files. */
async function serve(rules: Partial<FakeGuardrailRules> = {}): Promise<FakeGuardrailRuntime> {
  standIn = await FakeGuardrailRuntime.start({ ...RULES, ...rules });
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: standIn.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDGUARDRAIL',
    AWS_SECRET_ACCESS_KEY: 'guardrail-secret',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(workDir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-credentials'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  return standIn;
}

function promptsFile(document: unknown = PROMPTS): string {
  const file = join(workDir, 'prompts.json');
  writeFileSync(file, JSON.stringify(document));
  return file;
}

async function check(argv: string[] = [], env: Record<string, string> = GUARDRAIL) {
  return runCli(['guardrail', 'check', ...argv], { env, cwd: workDir });
}

describe('order-agent guardrail check against a local ApplyGuardrail stand-in', () => {
  it('sends each prompt as user input to the deployed version and passes when every verdict is right', async () => {
    const service = await serve();

    const run = await check(['--prompts', promptsFile()]);

    expect(run.stderr()).toBe('');
    expect(run.code).toBe(0);
    expect(service.requests.map((request) => request.path)).toEqual(
      Array(5).fill('/guardrail/gr7x2k9q4mzp/version/3/apply'),
    );
    expect(service.requests[0]?.body).toEqual({
      source: 'INPUT',
      content: [{ text: { text: 'Where is my order ORD-1003?' } }],
    });
    expect(String(service.requests[0]?.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDGUARDRAIL\/\d{8}\/us-east-1\/bedrock\/aws4_request, /,
    );
    expect(lines(run.stdout())).toEqual([
      'PASS  on-topic   passed   Where is my order ORD-1003?',
      'PASS  on-topic   passed   Send ORD-1002 to Sam Lee, 1 New Road, London NW1 6XE, United Kingdom.',
      'PASS  on-topic   masked   Mail the return label for ORD-1001 to sam@example.com please.  [masked pii EMAIL]',
      'PASS  off-topic  blocked  Write a Python function that sorts a list.  [blocked by topic Programming]',
      'PASS  off-topic  blocked  Write a short poem about autumn.  [blocked by topic Creative writing]',
      'PASSED: 5/5 prompts as expected on guardrail gr7x2k9q4mzp version 3',
    ]);
  });

  it('fails with exit 8 when an on-topic prompt is blocked, naming the policy', async () => {
    await serve({ topics: { ...RULES.topics, 'Investment and financial advice': ['order'] } });

    const run = await check(['--prompts', promptsFile()]);

    expect(run.code).toBe(8);
    expect(lines(run.stdout())).toContain(
      'FAIL  on-topic   blocked (must pass)  Where is my order ORD-1003?  [blocked by topic Investment and financial advice]',
    );
    expect(lines(run.stdout()).at(-1)).toBe(
      'FAILED: 1/5 prompts not as expected on guardrail gr7x2k9q4mzp version 3: 1 on-topic blocked, 0 off-topic not blocked',
    );
  });

  it('fails with exit 8 when an off-topic prompt gets through', async () => {
    await serve({ topics: { Programming: ['python'] } });

    const run = await check(['--prompts', promptsFile(), '--json']);

    expect(run.code).toBe(8);
    const report = JSON.parse(run.stdout());
    expect(report.summary).toEqual({ prompts: 5, passed: 4, failed: 1 });
    expect(report.results.filter((result: { passed: boolean }) => !result.passed)).toEqual([
      {
        side: 'off-topic',
        prompt: 'Write a short poem about autumn.',
        topic: 'Creative writing',
        outcome: 'passed',
        blockedBy: [],
        maskedBy: [],
        passed: false,
      },
    ]);
    expect(report).toMatchObject({ guardrailId: 'gr7x2k9q4mzp', guardrailVersion: '3' });
  });

  it('runs the built-in list by default', async () => {
    const offTopic = builtIn.offTopic.map((entry) => entry.prompt);
    const service = await serve({ topics: { 'Built-in off-topic': offTopic } });

    const run = await check(['--json']);

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout());
    expect(report.promptsFile).toBe('apps/cli/guardrail/prompts.json');
    expect(report.summary.prompts).toBe(builtIn.onTopic.length + builtIn.offTopic.length);
    expect(service.requests).toHaveLength(report.summary.prompts);
  });

  it('takes the guardrail id, version and region from the deploy outputs file', async () => {
    const service = await serve();
    writeFileSync(
      join(workDir, 'deploy-outputs.json'),
      JSON.stringify({
        'order-agent-dev': { guardrail_id: 'gr7x2k9q4mzp', guardrail_version: '3', region: 'eu-west-1' },
        'order-agent-prod': { guardrail_id: 'grprod000001', guardrail_version: '9', region: 'us-east-1' },
      }),
    );

    const run = await check(['--prompts', promptsFile(), '--env', 'dev'], {});

    expect(run.code).toBe(0);
    expect(String(service.requests[0]?.headers.authorization)).toContain('/eu-west-1/bedrock/aws4_request');
  });

  it('reports an unknown guardrail version as a configuration error (exit 3)', async () => {
    await serve();

    const run = await check(['--prompts', promptsFile(), '--guardrail-version', '4']);

    expect(run.code).toBe(3);
    expect(lines(run.stderr())).toEqual([
      'order-agent: guardrail gr7x2k9q4mzp version 4 not found: The guardrail gr7x2k9q4mzp version 4 was not found.',
    ]);
  });

  it('reports access denied (exit 4) in one line', async () => {
    await serve({
      failWith: {
        status: 403,
        errorType: 'AccessDeniedException',
        message: 'not authorized to ApplyGuardrail',
      },
    });

    const run = await check(['--prompts', promptsFile()]);

    expect(run.code).toBe(4);
    expect(lines(run.stderr())).toHaveLength(1);
    expect(run.stderr()).toMatch(/^order-agent: access denied \(AccessDeniedException\): not authorized/);
  });

  it('says where the ids come from when none is configured (exit 3), without calling the service', async () => {
    const service = await serve();

    const run = await check(['--prompts', promptsFile()], {});

    expect(run.code).toBe(3);
    expect(lines(run.stderr())).toEqual([
      'order-agent: missing guardrail id (--guardrail-id or ORDER_AGENT_GUARDRAIL_ID) and guardrail version (--guardrail-version or ORDER_AGENT_GUARDRAIL_VERSION): set them, or deploy so deploy-outputs.json exists (or set ORDER_AGENT_OUTPUTS_FILE)',
    ]);
    expect(service.requests).toEqual([]);
  });

  it.each([
    [{ onTopic: [] }, 'onTopic must be a non-empty list'],
    [{ ...PROMPTS, extra: [] }, 'extra is not a known key (onTopic, offTopic)'],
    [{ ...PROMPTS, offTopic: [{ prompt: '' }] }, 'offTopic[0].prompt must be text of 1 to 2000 characters'],
    [
      { ...PROMPTS, offTopic: [{ prompt: 'x', covers: 'y' }] },
      'offTopic[0].covers is not a known key (prompt, topic)',
    ],
  ])('refuses a malformed prompt list with exit 2 (%#)', async (document, problem) => {
    await serve();
    const file = promptsFile(document);

    const run = await check(['--prompts', file]);

    expect(run.code).toBe(2);
    expect(lines(run.stderr())).toEqual([`order-agent: ${file}: ${problem}`]);
  });

  it.each([
    [[], 'missing sub-command: check'],
    [['run'], 'unknown guardrail sub-command "run"; sub-commands: check'],
  ])('rejects guardrail %j with a usage error', async (argv, message) => {
    const run = await runCli(['guardrail', ...argv], { env: GUARDRAIL, cwd: workDir });

    expect(run.code).toBe(2);
    expect(lines(run.stderr())).toEqual([`order-agent: ${message}`]);
  });
});
