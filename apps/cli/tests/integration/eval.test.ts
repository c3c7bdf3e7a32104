import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useLocalAgentRuntime } from './support/aws-env';
import { chunk, exception, FakeAgentRuntime } from './support/fake-agent-runtime';
import { lines, runCli } from './support/run-cli';
import { scriptedOrderAgent } from './support/scripted-order-agent';

const STARTER_SCENARIOS = resolve(__dirname, '../../scenarios');

let fake: FakeAgentRuntime;
let restoreEnv: () => void;
let scratch: string;

beforeAll(async () => {
  fake = await FakeAgentRuntime.start();
  restoreEnv = useLocalAgentRuntime(fake.endpoint);
});
afterAll(async () => {
  restoreEnv();
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  fake.respondWith(scriptedOrderAgent());
  scratch = mkdtempSync(join(tmpdir(), 'order-agent-eval-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function scenario(name: string, yaml: string): string {
  const file = join(scratch, name);
  writeFileSync(file, yaml);
  return file;
}

function readReport(file: string) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

test('the starter scenarios pass against the scripted stand-in: table, summary, report, exit 0', async () => {
  const report = join(scratch, 'report.json');

  const run = await runCli(['eval', STARTER_SCENARIOS, '--report', report], { cwd: scratch });

  expect(run.stdout()).toContain('PASSED: 7/7 scenarios passed');
  expect(run.code).toBe(0);
  const table = lines(run.stdout());
  expect(table[0]).toMatch(/^SCENARIO\s+TURN\s+EXPECTATION\s+RESULT$/);
  expect(table).toContainEqual(
    expect.stringMatching(/^Status lookup\s+1\s+called getOrderStatus orderId=ORD-1003\s+PASS$/),
  );
  expect(table).toContainEqual(
    expect.stringMatching(/^Return with confirmation\s+2\s+asked to confirm initiateReturn\s+PASS$/),
  );
  expect(table.some((line) => line.includes('FAIL'))).toBe(false);

  const written = readReport(report);
  expect(written.summary).toEqual({
    scenarios: 7,
    scenariosPassed: 7,
    expectations: written.summary.expectationsPassed,
    expectationsPassed: expect.any(Number),
  });
  expect(written.agentId).toBe('AGENT12345');
  expect(written.scenarios.map((result: { name: string }) => result.name)).toEqual([
    'Status lookup',
    'Return with confirmation',
    'Denied confirmation',
    'Address change after shipment',
    'Return policy from the knowledge base',
    'Out-of-scope request',
    "Another customer's order",
  ]);

  // Each scenario ran on its own session, with traces on; the two-turn scenario kept its session.
  const sessions = new Set(fake.requests.map((request) => request.sessionId));
  expect(sessions.size).toBe(7);
  // Each scenario ran as its customer: every call of its session carried it as a session attribute.
  expect(written.scenarios.map((result: { customerId?: string }) => result.customerId)).toEqual([
    'CUST-1001',
    'CUST-1001',
    'CUST-1003',
    'CUST-1003',
    'CUST-1001',
    'CUST-1001',
    'CUST-1001',
  ]);
  for (const result of written.scenarios as { sessionId: string; customerId: string }[]) {
    const calls = fake.requests.filter((request) => request.sessionId === result.sessionId);
    expect(calls.map((request) => request.body.sessionState?.sessionAttributes)).toEqual(
      calls.map(() => ({ customerId: result.customerId })),
    );
  }
  expect(fake.requests.every((request) => request.body.enableTrace === true)).toBe(true);
  const confirmations = fake.requests
    .map(
      (request) =>
        request.body.sessionState?.returnControlInvocationResults?.[0]?.apiResult?.confirmationState,
    )
    .filter(Boolean);
  expect(confirmations).toEqual(['CONFIRM', 'DENY']);
});

test('failed expectations: FAIL rows with what was seen instead, a failing report, exit 8', async () => {
  const file = scenario(
    'wrong.yaml',
    `name: Wrong expectations
customerId: CUST-1001
turns:
  - user: Where is my order ORD-1003?
    expect:
      called:
        - operation: getOrderStatus
          parameters: { orderId: ORD-1001 }
      answerContains: [delivered, ORD-1003]
      knowledgeBaseUsed: true
      guardrailIntervened: false
`,
  );
  const report = join(scratch, 'report.json');

  const run = await runCli(['eval', file, '--report', report], { cwd: scratch });

  expect(run.code).toBe(8);
  const out = lines(run.stdout());
  expect(out).toContainEqual(expect.stringMatching(/called getOrderStatus orderId=ORD-1001\s+FAIL$/));
  expect(out).toContainEqual(expect.stringContaining('↳ calls seen: getOrderStatus orderId=ORD-1003'));
  expect(out).toContainEqual(expect.stringMatching(/answer contains "delivered"\s+FAIL$/));
  expect(out).toContainEqual(
    expect.stringContaining('↳ answer: "Your order ORD-1003 is shipped and should arrive by'),
  );
  expect(out).toContainEqual(expect.stringMatching(/answer contains "ORD-1003"\s+PASS$/));
  expect(out).toContainEqual(expect.stringMatching(/used the knowledge base\s+FAIL$/));
  expect(out).toContainEqual(expect.stringMatching(/no guardrail intervention\s+PASS$/));
  expect(run.stdout()).toContain('FAILED: 0/1 scenarios passed, 2/5 expectations passed');
  expect(run.stderr()).toContain(`FAIL  Wrong expectations (${file})`);

  const written = readReport(report);
  expect(written.scenarios[0].passed).toBe(false);
  expect(written.scenarios[0].turns[0].expectations).toContainEqual({
    expectation: 'used the knowledge base',
    passed: false,
    detail: 'no lookup',
  });
  expect(written.scenarios[0].turns[0].actionCalls[0]).toMatchObject({
    operation: 'getOrderStatus',
    parameters: { orderId: 'ORD-1003' },
  });
});

test('a confirmation request in a turn without "confirm" is denied and fails the turn', async () => {
  const file = scenario(
    'no-confirm.yaml',
    `name: Forgot the confirm answer
customerId: CUST-1001
turns:
  - user: Please return ORD-1001, it arrived damaged.
    expect:
      confirmationRequested: initiateReturn
`,
  );

  const run = await runCli(['eval', file, '--report', join(scratch, 'r.json')], { cwd: scratch });

  expect(run.code).toBe(8);
  expect(run.stdout()).toMatch(/no confirmation request without a confirm answer\s+FAIL/);
  expect(run.stdout()).toContain(
    'the agent asked to confirm initiateReturn; the turn has no "confirm", so it was denied',
  );
  expect(run.stdout()).toMatch(/asked to confirm initiateReturn\s+PASS/);
  expect(
    fake.requests[1]?.body.sessionState?.returnControlInvocationResults?.[0]?.apiResult?.confirmationState,
  ).toBe('DENY');
});

test('a turn that errors fails, skips the rest of its scenario, and the next scenario still runs', async () => {
  fake.reset();
  fake.reply(
    [exception('dependencyFailedException', 'Lambda failed')],
    [chunk('Your order ORD-1003 is shipped.')],
  );
  const broken = scenario(
    'a-broken.json',
    JSON.stringify({
      name: 'Broken',
      turns: [
        { user: 'Where is ORD-1003?', expect: { answerContains: 'shipped' } },
        { user: 'never sent', expect: {} },
      ],
    }),
  );
  const fine = scenario(
    'b-fine.yaml',
    'name: Fine\nturns:\n  - user: Where is ORD-1003?\n    expect: { answerContains: shipped }\n',
  );
  const report = join(scratch, 'report.json');

  const run = await runCli(['eval', broken, fine, '--report', report], { cwd: scratch });

  expect(run.code).toBe(8);
  expect(fake.requests.map((request) => request.body.inputText)).toEqual([
    'Where is ORD-1003?',
    'Where is ORD-1003?',
  ]);
  expect(run.stdout()).toMatch(/Broken\s+1\s+turn completes without error\s+FAIL/);
  expect(run.stdout()).toContain(
    'a dependency of the agent failed (DependencyFailedException): Lambda failed',
  );
  expect(run.stdout()).toMatch(/Fine\s+1\s+answer contains "shipped"\s+PASS/);
  const written = readReport(report);
  expect(written.scenarios[0].turns).toHaveLength(1);
  expect(written.scenarios[1].passed).toBe(true);
});

test("a scenario's customerId wins over --customer-id; with neither, the stand-in asks to sign in", async () => {
  const own = scenario(
    'a-own.yaml',
    'name: Own\ncustomerId: CUST-1003\nturns:\n  - user: Where is ORD-1010?\n    expect: { answerContains: shipped }\n',
  );
  const nobody = scenario(
    'b-nobody.yaml',
    'name: Nobody\nturns:\n  - user: Where is ORD-1010?\n    expect: { answerContains: sign in }\n',
  );

  const withFlag = await runCli(
    ['eval', own, '--customer-id', 'CUST-1001', '--report', join(scratch, 'a.json')],
    {
      cwd: scratch,
    },
  );
  const without = await runCli(['eval', nobody, '--report', join(scratch, 'b.json')], { cwd: scratch });

  expect([withFlag.code, without.code]).toEqual([0, 0]);
  expect(fake.requests.map((request) => request.body.sessionState?.sessionAttributes)).toEqual([
    { customerId: 'CUST-1003' },
    undefined,
  ]);
  expect(readReport(join(scratch, 'b.json')).scenarios[0]).not.toHaveProperty('customerId');
});

test('the report goes to eval-report.json in the current directory by default', async () => {
  const file = scenario(
    'ok.yaml',
    'name: OK\nturns:\n  - user: Where is ORD-1003?\n    expect: { answerContains: shipped }\n',
  );

  const run = await runCli(['eval', file, '--customer-id', 'CUST-1001'], { cwd: scratch });

  expect(run.code).toBe(0);
  expect(run.stdout()).toContain(`Report written to ${join(scratch, 'eval-report.json')}`);
  // A scenario without a customerId runs as --customer-id.
  expect(fake.requests[0]?.body.sessionState?.sessionAttributes).toEqual({ customerId: 'CUST-1001' });
  expect(readReport(join(scratch, 'eval-report.json')).summary.scenariosPassed).toBe(1);
});

test.each([
  ['no turns', 'name: X\nturns: []\n', 'turns must be a non-empty list of turns'],
  [
    'a typo in a key',
    'name: X\nturns:\n  - user: hi\n    expect: { answerContain: x }\n',
    'turns[0].expect.answerContain is not a known key',
  ],
  [
    'an unknown operation',
    'name: X\nturns:\n  - user: hi\n    expect: { notCalled: [cancelOrder] }\n',
    'unknown operation "cancelOrder"',
  ],
  [
    'a bad confirm',
    'name: X\nturns:\n  - user: hi\n    confirm: perhaps\n',
    'turns[0].confirm must be yes or no',
  ],
  ['broken YAML', 'name: [unclosed\n', 'is not valid YAML'],
])(
  'a scenario file with %s is a usage error naming the file and field (exit 2)',
  async (_case, yaml, message) => {
    const file = scenario('bad.yaml', yaml);

    const run = await runCli(['eval', file], { cwd: scratch });

    expect(run.code).toBe(2);
    expect(lines(run.stderr())).toHaveLength(1);
    expect(run.stderr()).toContain(file);
    expect(run.stderr()).toContain(message);
    expect(fake.requests).toHaveLength(0);
  },
);

test('eval without scenarios, or with a missing file, is a usage error', async () => {
  expect((await runCli(['eval'], { cwd: scratch })).code).toBe(2);
  const missing = await runCli(['eval', 'nope.yaml'], { cwd: scratch });
  expect(missing.code).toBe(2);
  expect(missing.stderr()).toContain('scenario file not found: nope.yaml');
});

test('eval --help documents the scenario format, the report and the exit codes', async () => {
  const run = await runCli(['eval', '--help']);
  for (const text of [
    '--report',
    'confirm:',
    'called:',
    'notCalled:',
    'answerContains:',
    'knowledgeBaseUsed:',
    'guardrailIntervened:',
    'Exit codes',
  ]) {
    expect(run.stdout()).toContain(text);
  }
});
