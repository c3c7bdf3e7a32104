import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { useLocalAgentRuntime } from './support/aws-env';
import { chunk, FakeAgentRuntime, pause, rationaleTrace } from './support/fake-agent-runtime';
import { lines, runCli } from './support/run-cli';

// Every network call the CLI makes has a connect, first-byte and idle limit. Two loopback servers show them:
// one that accepts connections and never says a word (a black-holing proxy), and the agent runtime stand-in
// told to stop in the middle of an answer.

/** Accepts TCP connections and never answers; holds them until stopped. */
async function silentServer(): Promise<{
  readonly endpoint: string;
  readonly sockets: Socket[];
  stop(): Promise<void>;
}> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    sockets,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let silent: Awaited<ReturnType<typeof silentServer>>;
let fake: FakeAgentRuntime;
let restoreEnv: (() => void) | undefined;

beforeAll(async () => {
  silent = await silentServer();
  fake = await FakeAgentRuntime.start();
});
afterAll(async () => {
  await silent.stop();
  await fake.stop();
});
afterEach(() => {
  restoreEnv?.();
  restoreEnv = undefined;
  fake.reset();
});

describe('invoke', () => {
  test('an endpoint that accepts and never answers: one line naming it and what did not arrive, exit 1', async () => {
    restoreEnv = useLocalAgentRuntime(silent.endpoint);
    const started = Date.now();

    const run = await runCli(['invoke', '--session-id', 's-silent', '--first-byte-timeout', '0.3', 'hi']);

    expect(run.code).toBe(1);
    expect(lines(run.stderr())).toEqual([
      `order-agent: no answer from ${silent.endpoint} within 0.3 s: InvokeAgent was sent and nothing came back (--first-byte-timeout)`,
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(silent.sockets.length).toBeGreaterThan(0);
  });

  test('a stream that stops mid-answer: what arrived stays on stdout, one line says it stopped, exit 1', async () => {
    restoreEnv = useLocalAgentRuntime(fake.endpoint);
    fake.reply([rationaleTrace('thinking'), chunk('Your order '), pause(1500), chunk('never sent')]);

    const run = await runCli(['invoke', '--session-id', 's-stall', 'hi'], {
      env: { ORDER_AGENT_IDLE_TIMEOUT: '0.3' },
    });

    expect(run.code).toBe(1);
    expect(run.stdout()).toBe('Your order \n');
    expect(lines(run.stderr())).toEqual([
      `order-agent: the answer from ${fake.endpoint} stopped mid-stream: no event for 0.3 s after event 2 (--idle-timeout)`,
    ]);
  });

  test('--json still prints the partial answer with the timeout as its error', async () => {
    restoreEnv = useLocalAgentRuntime(fake.endpoint);
    fake.reply([chunk('Partial'), pause(1500)]);

    const run = await runCli(['invoke', '--json', '--idle-timeout', '0.2', '--session-id', 's-json', 'hi']);

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout())).toMatchObject({
      answer: 'Partial',
      error: { kind: 'failure', exitCode: 1, message: expect.stringContaining('stopped mid-stream') },
    });
  });

  test('nothing listening: one line with the endpoint, before any session line', async () => {
    const closed = await silentServer();
    await closed.stop();
    restoreEnv = useLocalAgentRuntime(closed.endpoint);

    const run = await runCli(['invoke', '--session-id', 's-closed', 'hi']);

    expect(run.code).toBe(1);
    expect(lines(run.stderr())).toEqual([
      `order-agent: nothing is listening at ${closed.endpoint} (ECONNREFUSED)`,
    ]);
  });

  test('timeouts come from flags, else ORDER_AGENT_* variables; a bad value is a usage error naming its source', async () => {
    const fromEnv = await runCli(['invoke', 'hi'], { env: { ORDER_AGENT_FIRST_BYTE_TIMEOUT: 'soon' } });
    const fromFlag = await runCli(['invoke', '--connect-timeout', '0', 'hi']);

    expect(fromEnv.code).toBe(2);
    expect(lines(fromEnv.stderr())).toEqual([
      'order-agent: ORDER_AGENT_FIRST_BYTE_TIMEOUT must be a number of seconds above 0 and at most 86400, got "soon"',
    ]);
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.stderr()).toContain('--connect-timeout must be a number of seconds above 0');
  });
});

describe('kb sync', () => {
  test('a control-plane endpoint that accepts and never answers: one line naming it and the operation, exit 1', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_BEDROCK_AGENT;
    restoreEnv = useLocalAgentRuntime(fake.endpoint);
    process.env.AWS_ENDPOINT_URL_BEDROCK_AGENT = silent.endpoint;
    try {
      const run = await runCli([
        'kb',
        'sync',
        '--knowledge-base-id',
        'KB12345678',
        '--data-source-id',
        'DS12345678',
        '--first-byte-timeout',
        '0.3',
      ]);

      expect(run.code).toBe(1);
      expect(lines(run.stderr())).toEqual([
        `order-agent: no answer from ${silent.endpoint} to StartIngestionJob within 0.3 s (--first-byte-timeout)`,
      ]);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_BEDROCK_AGENT;
      else process.env.AWS_ENDPOINT_URL_BEDROCK_AGENT = saved;
    }
  });
});
