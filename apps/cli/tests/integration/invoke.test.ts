import { useLocalAgentRuntime } from './support/aws-env';
import {
  actionCallTrace,
  chunk,
  confirmationRequest,
  exception,
  FakeAgentRuntime,
  failureTrace,
  guardrailTrace,
  knowledgeBaseTraces,
  observationTrace,
  pause,
  rationaleTrace,
  usageTrace,
} from './support/fake-agent-runtime';
import { lines, runCli } from './support/run-cli';

let fake: FakeAgentRuntime;
let restoreEnv: () => void;

beforeAll(async () => {
  fake = await FakeAgentRuntime.start();
  restoreEnv = useLocalAgentRuntime(fake.endpoint);
});
afterAll(async () => {
  restoreEnv();
  await fake.stop();
});
beforeEach(() => fake.reset());

const RETURN_CALL = {
  actionGroup: 'order-management',
  httpMethod: 'POST',
  apiPath: '/orders/{orderId}/return',
  parameters: { orderId: 'ORD-1001' },
  body: { reason: 'arrived damaged' },
};

describe('invoke: streaming and sessions', () => {
  test('streams the answer chunks to stdout in order as they arrive, then a newline', async () => {
    fake.reply([chunk('Your order '), pause(30), chunk('ORD-1003 '), pause(30), chunk('has shipped.')]);

    const run = await runCli(['invoke', 'Where is ORD-1003?']);

    expect(run.code).toBe(0);
    expect(run.stdoutWrites).toEqual(['Your order ', 'ORD-1003 ', 'has shipped.', '\n']);
    const [request] = fake.requests;
    expect(request?.agentId).toBe('AGENT12345');
    expect(request?.agentAliasId).toBe('ALIAS12345');
    expect(request?.body).toEqual({
      inputText: 'Where is ORD-1003?',
      enableTrace: false,
      streamingConfigurations: { streamFinalResponse: true },
    });
  });

  test('joins several words into one text', async () => {
    fake.reply([chunk('ok')]);
    await runCli(['invoke', 'where', 'is', 'ORD-1003?']);
    expect(fake.requests[0]?.body.inputText).toBe('where is ORD-1003?');
  });

  test('makes a new session id, prints it to stderr, and sends it', async () => {
    fake.reply([chunk('Hello.')]);

    const run = await runCli(['invoke', 'hi']);

    const sessionId = fake.requests[0]?.sessionId ?? '';
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.stderr()).toContain(`session ${sessionId} (new; continue it with --session-id ${sessionId})`);
  });

  test('--session-id continues a conversation on the same session', async () => {
    fake.reply([chunk('first')], [chunk('second')]);

    await runCli(['invoke', '--session-id', 'conversation-42', 'first question']);
    const second = await runCli(['invoke', '--session-id', 'conversation-42', 'follow-up']);

    expect(fake.requests.map((request) => request.sessionId)).toEqual(['conversation-42', 'conversation-42']);
    expect(second.stderr()).not.toContain('new;');
  });

  test('--end-session closes the session, with or without text', async () => {
    fake.reply([chunk('Goodbye!')], [chunk('Bye.')]);

    const withoutText = await runCli(['invoke', '--session-id', 'conversation-42', '--end-session']);
    await runCli(['invoke', '--session-id', 'conversation-42', '--end-session', 'thanks, that is all']);

    expect(withoutText.code).toBe(0);
    expect(withoutText.stderr()).toContain('session conversation-42 ended');
    expect(fake.requests[0]?.body).toMatchObject({ endSession: true, inputText: 'end' });
    expect(fake.requests[1]?.body).toMatchObject({ endSession: true, inputText: 'thanks, that is all' });
  });

  test('reads TEXT from stdin when it is "-"', async () => {
    fake.reply([chunk('ok')]);
    await runCli(['invoke', '-'], { stdinText: 'Where is ORD-1002?\n' });
    expect(fake.requests[0]?.body.inputText).toBe('Where is ORD-1002?');
  });
});

describe('invoke: --trace and --json', () => {
  const tracedAnswer = () => [
    rationaleTrace('The customer asks about ORD-1001; I will look it up.'),
    actionCallTrace({
      actionGroup: 'order-management',
      verb: 'GET',
      apiPath: '/orders/{orderId}',
      parameters: { orderId: 'ORD-1001' },
    }),
    observationTrace({ orderId: 'ORD-1001', status: 'DELIVERED' }),
    ...knowledgeBaseTraces('KB12345', 'return window', [
      's3://order-agent-docs/return-policy.md',
      's3://order-agent-docs/shipping-and-delivery-faq.md',
    ]),
    guardrailTrace('INTERVENED', 'Professional advice'),
    failureTrace('Lambda timed out once', 500),
    usageTrace(812, 64),
    usageTrace(1020, 41),
    chunk('ORD-1001 was delivered; you have 30 days to return it.', [
      {
        generatedResponsePart: { textResponsePart: { text: 'you have 30 days to return it' } },
        retrievedReferences: [
          { location: { type: 'S3', s3Location: { uri: 's3://order-agent-docs/return-policy.md' } } },
        ],
      },
    ]),
  ];

  test('--trace renders the orchestration on stderr and keeps stdout for the answer', async () => {
    fake.reply(tracedAnswer());

    const run = await runCli(['invoke', '--trace', '--session-id', 's-1', 'Can I return ORD-1001?']);

    expect(run.code).toBe(0);
    expect(fake.requests[0]?.body.enableTrace).toBe(true);
    expect(run.stdout()).toBe('ORD-1001 was delivered; you have 30 days to return it.\n');
    expect(lines(run.stderr())).toEqual([
      '[trace] rationale: The customer asks about ORD-1001; I will look it up.',
      '[trace] action getOrderStatus (GET /orders/{orderId}, action group order-management): orderId=ORD-1001',
      '[trace] observation: {"orderId":"ORD-1001","status":"DELIVERED"}',
      '[trace] knowledge base KB12345 lookup: "return window"',
      '[trace] knowledge base results: 2 passages: s3://order-agent-docs/return-policy.md, s3://order-agent-docs/shipping-and-delivery-faq.md',
      '[trace] guardrail INTERVENED: input: denied topic "Professional advice" (BLOCKED)',
      '[trace] failure (code 500): Lambda timed out once',
      '[trace] model call (orchestration): 812 in / 64 out tokens',
      '[trace] model call (orchestration): 1020 in / 41 out tokens',
      '[trace] tokens: 1832 in / 105 out over 2 model calls',
    ]);
  });

  test('--json prints one JSON object with answer, session, citations, action calls and raw traces', async () => {
    fake.reply(tracedAnswer());

    const run = await runCli(['invoke', '--json', '--session-id', 's-2', 'Can I return ORD-1001?']);

    expect(run.code).toBe(0);
    expect(fake.requests[0]?.body.enableTrace).toBe(true);
    const result = JSON.parse(run.stdout());
    expect(result).toMatchObject({
      sessionId: 's-2',
      agentId: 'AGENT12345',
      agentAliasId: 'ALIAS12345',
      answer: 'ORD-1001 was delivered; you have 30 days to return it.',
      citations: [
        { text: 'you have 30 days to return it', sources: ['s3://order-agent-docs/return-policy.md'] },
      ],
      actionCalls: [
        {
          actionGroup: 'order-management',
          operation: 'getOrderStatus',
          httpMethod: 'GET',
          apiPath: '/orders/{orderId}',
          parameters: { orderId: 'ORD-1001' },
          body: {},
          output: '{"orderId":"ORD-1001","status":"DELIVERED"}',
        },
      ],
      knowledgeBaseLookups: [
        {
          knowledgeBaseId: 'KB12345',
          query: 'return window',
          resultCount: 2,
          sources: [
            's3://order-agent-docs/return-policy.md',
            's3://order-agent-docs/shipping-and-delivery-faq.md',
          ],
        },
      ],
      guardrailInterventions: ['input: denied topic "Professional advice" (BLOCKED)'],
      failures: ['500: Lambda timed out once'],
      usage: { inputTokens: 1832, outputTokens: 105, modelCalls: 2 },
      sessionEnded: false,
    });
    expect(result.traces).toHaveLength(9);
    expect(result.traces[0].trace.orchestrationTrace.rationale.text).toContain('I will look it up');
    expect(result.error).toBeUndefined();
  });
});

describe('invoke: user confirmation', () => {
  const confirmThenAnswer = () => {
    fake.reply(
      [
        rationaleTrace('I need confirmation to start the return.'),
        confirmationRequest('inv-77', RETURN_CALL),
      ],
      [
        observationTrace({ returnId: 'RET-1001', status: 'REQUESTED' }),
        chunk('Your return RET-1001 '),
        chunk('has been started.'),
      ],
    );
  };

  test('--yes sends CONFIRM with the invocation id and the action on the same session, then streams the rest', async () => {
    confirmThenAnswer();

    const run = await runCli([
      'invoke',
      '--yes',
      '--session-id',
      's-ret',
      'Return ORD-1001, it arrived damaged',
    ]);

    expect(run.code).toBe(0);
    expect(run.stdout()).toBe('Your return RET-1001 has been started.\n');
    expect(fake.requests).toHaveLength(2);
    const [first, second] = fake.requests;
    expect(first?.sessionId).toBe('s-ret');
    expect(second?.sessionId).toBe('s-ret');
    expect(second?.body.inputText).toBeUndefined();
    expect(second?.body.sessionState).toEqual({
      invocationId: 'inv-77',
      returnControlInvocationResults: [
        {
          apiResult: {
            actionGroup: 'order-management',
            apiPath: '/orders/{orderId}/return',
            httpMethod: 'POST',
            confirmationState: 'CONFIRM',
          },
        },
      ],
    });
    expect(run.stderr()).toContain(
      'confirmation: the agent wants to run initiateReturn (POST /orders/{orderId}/return, action group order-management) with orderId=ORD-1001; body: reason="arrived damaged": confirmed (--yes)',
    );
  });

  test('the answer echoes actionGroup, apiPath, httpMethod and agentId exactly as the service sent them', async () => {
    const request = confirmationRequest('inv-echo', { ...RETURN_CALL, httpMethod: 'post' }) as {
      payload: { invocationInputs: Array<{ apiInvocationInput: Record<string, unknown> }> };
    };
    const input = request.payload.invocationInputs[0];
    if (input) input.apiInvocationInput.agentId = 'COLLAB0001';
    fake.reply([request as never], [chunk('Done.')]);

    const run = await runCli(['invoke', '--yes', '--session-id', 's-echo', 'Return ORD-1001']);

    expect(run.code).toBe(0);
    expect(fake.requests[1]?.body.sessionState?.returnControlInvocationResults).toEqual([
      {
        apiResult: {
          actionGroup: 'order-management',
          apiPath: '/orders/{orderId}/return',
          httpMethod: 'post',
          confirmationState: 'CONFIRM',
          agentId: 'COLLAB0001',
        },
      },
    ]);
  });

  test('--customer-id goes as the session attribute customerId with every call of the turn, confirmation included', async () => {
    confirmThenAnswer();

    const run = await runCli([
      'invoke',
      '--yes',
      '--customer-id',
      'CUST-1001',
      'Return ORD-1001, it is broken',
    ]);

    expect(run.code).toBe(0);
    const [first, second] = fake.requests;
    expect(first?.body.inputText).toBe('Return ORD-1001, it is broken');
    expect(first?.body.sessionState).toEqual({ sessionAttributes: { customerId: 'CUST-1001' } });
    expect(second?.body.sessionState).toMatchObject({
      sessionAttributes: { customerId: 'CUST-1001' },
      invocationId: 'inv-77',
    });
  });

  test('ORDER_AGENT_CUSTOMER_ID is the customer without --customer-id; the flag wins', async () => {
    fake.reply([chunk('ok')], [chunk('ok')]);
    await runCli(['invoke', 'Where is ORD-1003?'], { env: { ORDER_AGENT_CUSTOMER_ID: 'CUST-1003' } });
    await runCli(['invoke', '--customer-id', 'CUST-1002', 'Where is ORD-1003?'], {
      env: { ORDER_AGENT_CUSTOMER_ID: 'CUST-1003' },
    });
    expect(fake.requests.map((request) => request.body.sessionState)).toEqual([
      { sessionAttributes: { customerId: 'CUST-1003' } },
      { sessionAttributes: { customerId: 'CUST-1002' } },
    ]);
  });

  test('--no sends DENY; the denied call is recorded as not run', async () => {
    fake.reply([confirmationRequest('inv-78', RETURN_CALL)], [chunk('OK, I have not started a return.')]);

    const run = await runCli(['invoke', '--no', '--json', '--session-id', 's-deny', 'Return ORD-1001']);

    expect(run.code).toBe(0);
    expect(
      fake.requests[1]?.body.sessionState?.returnControlInvocationResults?.[0]?.apiResult?.confirmationState,
    ).toBe('DENY');
    const result = JSON.parse(run.stdout());
    expect(result.answer).toBe('OK, I have not started a return.');
    expect(result.actionCalls).toEqual([
      expect.objectContaining({
        operation: 'initiateReturn',
        confirmation: 'DENY',
        parameters: { orderId: 'ORD-1001' },
      }),
    ]);
    expect(result.confirmations).toEqual([
      expect.objectContaining({ invocationId: 'inv-78', operation: 'initiateReturn', answer: 'DENY' }),
    ]);
  });

  test.each([
    ['y', 'CONFIRM'],
    ['yes', 'CONFIRM'],
    ['n', 'DENY'],
    ['', 'DENY'],
    ['maybe\nno', 'DENY'],
  ])('on a terminal it asks y/n (typed %j → %s)', async (typed, state) => {
    fake.reply([confirmationRequest('inv-79', RETURN_CALL)], [chunk('Done.')]);

    const run = await runCli(['invoke', '--session-id', 's-tty', 'Return ORD-1001'], {
      stdinIsTTY: true,
      stdinText: `${typed}\n`,
    });

    expect(run.code).toBe(0);
    expect(run.stderr()).toContain('the agent wants to run initiateReturn');
    expect(run.stderr()).toContain('Allow it? [y/N] ');
    expect(run.stderr()).toContain(
      state === 'CONFIRM' ? 'initiateReturn confirmed' : 'initiateReturn denied',
    );
    expect(
      fake.requests[1]?.body.sessionState?.returnControlInvocationResults?.[0]?.apiResult?.confirmationState,
    ).toBe(state);
  });

  test('without a terminal and without --yes/--no it fails clearly and sends no answer', async () => {
    fake.reply([confirmationRequest('inv-80', RETURN_CALL)]);

    const run = await runCli(['invoke', '--session-id', 's-script', 'Return ORD-1001']);

    expect(run.code).toBe(2);
    expect(lines(run.stderr())).toEqual([
      'order-agent: the agent asks to confirm initiateReturn, but stdin is not a terminal: pass --yes or --no',
    ]);
    expect(fake.requests).toHaveLength(1);
  });

  test('--yes and --no together are a usage error', async () => {
    const run = await runCli(['invoke', '--yes', '--no', 'hi']);
    expect(run.code).toBe(2);
    expect(run.stderr()).toContain('--yes and --no cannot be used together');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('invoke: errors', () => {
  test('a failure mid-stream keeps what was streamed, ends the line, and reports one readable line', async () => {
    fake.reply([
      chunk('Let me check that order'),
      exception(
        'dependencyFailedException',
        'The server encountered an error processing the Lambda response.',
      ),
    ]);

    const run = await runCli(['invoke', '--session-id', 's-err', 'Where is ORD-1001?']);

    expect(run.code).toBe(7);
    expect(run.stdout()).toBe('Let me check that order\n');
    expect(lines(run.stderr())).toEqual([
      'order-agent: a dependency of the agent failed (DependencyFailedException): The server encountered an error processing the Lambda response.',
    ]);
  });

  test.each([
    ['accessDeniedException', 4, 'access denied (AccessDeniedException)'],
    ['throttlingException', 5, 'throttled (ThrottlingException)'],
    ['validationException', 6, 'the request was rejected (ValidationException)'],
    ['dependencyFailedException', 7, 'a dependency of the agent failed (DependencyFailedException)'],
    ['badGatewayException', 7, 'a dependency of the agent failed (BadGatewayException)'],
    // After text was streamed, "not found" is about something the agent used, not the agent or the alias.
    ['resourceNotFoundException', 7, 'the answer broke off mid-stream (ResourceNotFoundException)'],
    ['internalServerException', 1, 'the answer broke off mid-stream (InternalServerException)'],
  ])('%s in the stream exits %i with one line', async (type, code, text) => {
    // A chunk first, so throttling is not retried here (retries are tested below).
    fake.reply([chunk('Partial'), exception(type, 'details from the service')]);

    const run = await runCli(['invoke', '--session-id', 's-kind', 'hi']);

    expect(run.code).toBe(code);
    const errorLines = lines(run.stderr());
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain(text);
    expect(errorLines[0]).toContain('details from the service');
  });

  test('an HTTP error before the stream is reported the same way', async () => {
    fake.reply({ httpStatus: 400, errorType: 'ValidationException', message: 'inputText is too long' });

    const run = await runCli(['invoke', '--session-id', 's-http', 'hi']);

    expect(run.code).toBe(6);
    expect(lines(run.stderr())).toEqual([
      'order-agent: the request was rejected (ValidationException): inputText is too long (request id fake-request-id)',
    ]);
  });

  test('throttling before any answer (HTTP 429 or in the stream) is retried with backoff, then the answer streams', async () => {
    fake.reply(
      { httpStatus: 429, errorType: 'ThrottlingException', message: 'Too many requests' },
      [exception('throttlingException', 'Rate exceeded')],
      [rationaleTrace('thinking'), exception('throttlingException', 'Rate exceeded')],
      [chunk('Here it is.')],
    );

    const run = await runCli(['invoke', '--session-id', 's-throttle', 'hi'], {
      env: { ORDER_AGENT_RETRY_BASE_MS: '5' },
    });

    expect(run.code).toBe(0);
    expect(run.stdout()).toBe('Here it is.\n');
    expect(fake.requests).toHaveLength(4);
    expect(fake.requests.every((request) => request.body.inputText === 'hi')).toBe(true);
    expect(lines(run.stderr()).map((line) => line.replace(/\d+ ms/, 'N ms'))).toEqual([
      'ThrottlingException: retrying in N ms (retry 1 of 3)',
      'ThrottlingException: retrying in N ms (retry 2 of 3)',
      'ThrottlingException: retrying in N ms (retry 3 of 3)',
    ]);
  });

  test('retries are bounded: still throttled after --max-retries exits 5', async () => {
    fake.respondWith(() => [exception('throttlingException', 'Rate exceeded')]);

    const run = await runCli(['invoke', '--session-id', 's-busy', '--max-retries', '1', 'hi'], {
      env: { ORDER_AGENT_RETRY_BASE_MS: '1' },
    });

    expect(run.code).toBe(5);
    expect(fake.requests).toHaveLength(2);
    expect(lines(run.stderr()).at(-1)).toBe('order-agent: throttled (ThrottlingException): Rate exceeded');
  });

  test('throttling after an action ran is not retried (retrying could repeat the action)', async () => {
    fake.reply([
      actionCallTrace({
        actionGroup: 'order-management',
        verb: 'GET',
        apiPath: '/orders/{orderId}',
        parameters: { orderId: 'ORD-1' },
      }),
      observationTrace({ orderId: 'ORD-1' }),
      exception('throttlingException', 'Rate exceeded'),
    ]);

    const run = await runCli(['invoke', '--session-id', 's-once', 'hi'], {
      env: { ORDER_AGENT_RETRY_BASE_MS: '1' },
    });

    expect(run.code).toBe(5);
    expect(fake.requests).toHaveLength(1);
  });

  test('--json still prints the object, with the error, before exiting non-zero', async () => {
    fake.reply([chunk('Partial'), exception('accessDeniedException', 'not allowed')]);

    const run = await runCli(['invoke', '--json', '--session-id', 's-json-err', 'hi']);

    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout())).toMatchObject({
      answer: 'Partial',
      error: {
        kind: 'access-denied',
        exitCode: 4,
        message: 'access denied (AccessDeniedException): not allowed',
      },
    });
  });

  test('--debug adds the stack trace; without it there is none', async () => {
    fake.reply([exception('validationException', 'bad')], [exception('validationException', 'bad')]);

    const plain = await runCli(['invoke', '--session-id', 's-dbg', 'hi']);
    const debug = await runCli(['invoke', '--debug', '--session-id', 's-dbg', 'hi']);

    expect(plain.stderr()).not.toMatch(/\n\s+at /);
    expect(debug.stderr()).toMatch(/\n\s+at /);
  });
});

describe('invoke: usage', () => {
  test.each([
    [['invoke'], 'missing TEXT'],
    [['invoke', '--bogus', 'hi'], 'unknown option --bogus (see order-agent invoke --help)'],
    [['invoke', '--region'], '--region needs a value'],
    [['invoke', '--json=yes', 'hi'], '--json takes no value'],
    [['invoke', '--idle-timeout', 'never', 'hi'], '--idle-timeout must be a number of seconds'],
    [['invoke', '--end-session'], '--end-session without TEXT needs --session-id'],
    [['invoke', '--session-id', 'has space', 'hi'], '--session-id must be'],
    [['invoke', '--max-retries', 'lots', 'hi'], '--max-retries must be a whole number'],
  ])('%j is a usage error (exit 2, one line)', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(lines(run.stderr())).toHaveLength(1);
    expect(run.stderr()).toContain(message);
    expect(fake.requests).toHaveLength(0);
  });

  test('--help documents every flag', async () => {
    const run = await runCli(['invoke', '--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--agent-id',
      '--alias-id',
      '--env',
      '--region',
      '--session-id',
      '--end-session',
      '--trace',
      '--json',
      '--yes',
      '--no',
      '--max-retries',
      '--debug',
      'Exit codes',
    ]) {
      expect(run.stdout()).toContain(flag);
    }
  });
});
