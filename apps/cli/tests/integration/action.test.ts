import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type LocalDynamoDb, startLocalDynamoDb } from '@order-agent/local-aws';
import { createOrdersTable, seedOrders } from '@order-agent/order-actions/local';
import { lines, runCli } from './support/run-cli';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function parseJson(text: string) {
  return JSON.parse(text);
}

describe('action --local (in-process dynalite, seeded with the sample orders)', () => {
  test('getOrderStatus: prints the exact Bedrock event, the response and the decoded body', async () => {
    const run = await runCli([
      'action',
      '--local',
      '--customer-id',
      'CUST-1001',
      'getOrderStatus',
      'orderId=ORD-1003',
    ]);

    expect(run.code).toBe(0);
    const out = run.stdout();
    expect(out).toContain('Event (getOrderStatus)');
    expect(out).toContain('Response (HTTP 200)');
    expect(out).toContain('Body, decoded');
    expect(out).toContain('"status": "SHIPPED"');
  });

  test('initiateReturn: orderId goes to parameters and reason to the request body, as strings', async () => {
    const run = await runCli([
      'action',
      '--local',
      '--json',
      '--customer-id',
      'CUST-1001',
      'initiateReturn',
      'orderId=ORD-1001',
      'reason=arrived damaged',
    ]);

    expect(run.code).toBe(0);
    const { event, response, body } = parseJson(run.stdout());
    expect(event).toEqual({
      messageVersion: '1.0',
      agent: { name: 'order-agent', id: 'LOCALAGENT', alias: 'LOCALALIAS', version: 'DRAFT' },
      inputText: '(order-agent action initiateReturn)',
      sessionId: expect.stringMatching(/^local-/),
      actionGroup: 'order-management',
      apiPath: '/orders/{orderId}/return',
      httpMethod: 'POST',
      parameters: [{ name: 'orderId', type: 'string', value: 'ORD-1001' }],
      requestBody: {
        content: {
          'application/json': { properties: [{ name: 'reason', type: 'string', value: 'arrived damaged' }] },
        },
      },
      sessionAttributes: { customerId: 'CUST-1001' },
      promptSessionAttributes: {},
    });
    expect(response.sessionAttributes).toEqual({ customerId: 'CUST-1001' });
    expect(response.response).toMatchObject({
      actionGroup: 'order-management',
      apiPath: '/orders/{orderId}/return',
      httpMethod: 'POST',
      httpStatusCode: 200,
    });
    expect(body).toMatchObject({
      returnId: 'RET-1001',
      orderId: 'ORD-1001',
      status: 'REQUESTED',
      reason: 'arrived damaged',
    });
    // The audit record the Lambda would log goes to stderr, so stdout stays one JSON document.
    const audit = JSON.parse(run.stderr().split('audit: ')[1]!.split('\n')[0]!);
    expect(audit).toMatchObject({ customerId: 'CUST-1001', orderId: 'ORD-1001', outcome: 'APPLIED' });
  });

  test("a refusal is shown as the handler's answer (409 for an address change after shipment), exit 0", async () => {
    const run = await runCli([
      'action',
      '--local',
      '--json',
      '--customer-id',
      'CUST-1001',
      'updateShippingAddress',
      'orderId=ORD-1003',
      'name=Jonas Weber',
      'line1=Neue Straße 1',
      'city=Berlin',
      'postalCode=10117',
      'country=DE',
    ]);

    expect(run.code).toBe(0);
    const { event, response } = parseJson(run.stdout());
    expect(
      event.requestBody.content['application/json'].properties.map((p: { name: string }) => p.name),
    ).toEqual(['name', 'line1', 'city', 'postalCode', 'country']);
    expect(response.response.httpStatusCode).toBe(409);
  });

  test('a missing required key is warned about and sent anyway, to show the handler’s 400', async () => {
    const run = await runCli(['action', '--local', '--json', 'initiateReturn', 'orderId=ORD-1001'], {
      env: { ORDER_AGENT_CUSTOMER_ID: 'CUST-1001' },
    });

    expect(run.code).toBe(0);
    expect(run.stderr()).toContain('warning: initiateReturn requires reason');
    expect(parseJson(run.stdout()).response.response.httpStatusCode).toBe(400);
  });

  test('ORDER_AGENT_CUSTOMER_ID is the customer when --customer-id is not given; the flag wins', async () => {
    const fromEnv = await runCli(['action', '--local', '--json', 'getOrderStatus', 'orderId=ORD-1002'], {
      env: { ORDER_AGENT_CUSTOMER_ID: 'CUST-1002' },
    });
    expect(parseJson(fromEnv.stdout()).event.sessionAttributes).toEqual({ customerId: 'CUST-1002' });
    expect(parseJson(fromEnv.stdout()).response.response.httpStatusCode).toBe(200);
    const flagWins = await runCli(
      ['action', '--local', '--json', '--customer-id', 'CUST-1001', 'getOrderStatus', 'orderId=ORD-1002'],
      { env: { ORDER_AGENT_CUSTOMER_ID: 'CUST-1002' } },
    );
    expect(parseJson(flagWins.stdout()).event.sessionAttributes).toEqual({ customerId: 'CUST-1001' });
  });

  test("another customer's order is the handler's 404, exactly as a missing one", async () => {
    const run = await runCli([
      'action',
      '--local',
      '--json',
      '--customer-id',
      'CUST-1001',
      'getOrderStatus',
      'orderId=ORD-1002',
    ]);
    expect(run.code).toBe(0);
    expect(parseJson(run.stdout()).body).toEqual({
      error: 'ORDER_NOT_FOUND',
      message: 'No order has the id ORD-1002. Ask the customer to check the order id.',
      orderId: 'ORD-1002',
    });
  });

  test('without a customer it warns and shows the handler’s 401', async () => {
    const run = await runCli(['action', '--local', '--json', 'getOrderStatus', 'orderId=ORD-1001']);
    expect(run.code).toBe(0);
    expect(run.stderr()).toContain('warning: no --customer-id (or ORDER_AGENT_CUSTOMER_ID)');
    const { event, response } = parseJson(run.stdout());
    expect(event.sessionAttributes).toEqual({});
    expect(response.response.httpStatusCode).toBe(401);
  });

  test('leaves the process environment as it was', async () => {
    const before = process.env.ORDERS_TABLE;
    await runCli(['action', '--local', 'getOrderStatus', 'orderId=ORD-1001']);
    expect(process.env.ORDERS_TABLE).toBe(before);
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBeUndefined();
  });
});

describe('action against a local table started elsewhere (AWS_ENDPOINT_URL_DYNAMODB, ORDERS_TABLE)', () => {
  let db: LocalDynamoDb;
  const env = () => ({
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    ORDERS_TABLE: 'orders-test',
    ORDER_AGENT_CUSTOMER_ID: 'CUST-1003',
  });

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    const client = new DynamoDBClient({
      endpoint: db.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await createOrdersTable(client, 'orders-test');
    await seedOrders(client, 'orders-test');
    client.destroy();
  });
  afterAll(() => db.stop());

  test('changes persist between runs: a return started once shows in the next status lookup', async () => {
    const started = await runCli(
      ['action', '--json', 'initiateReturn', 'orderId=ORD-1004', 'reason=flickers'],
      {
        env: env(),
      },
    );
    const status = await runCli(['action', '--json', 'getOrderStatus', 'orderId=ORD-1004'], { env: env() });

    expect(parseJson(started.stdout()).body.returnId).toBe('RET-1004');
    expect(parseJson(status.stdout()).body.return).toMatchObject({
      returnId: 'RET-1004',
      reason: 'flickers',
    });
  });

  test('--table overrides ORDERS_TABLE; an unknown table is one line naming it and the tables there (exit 3)', async () => {
    const chosen = await runCli(
      ['action', '--json', '--table', 'orders-test', 'getOrderStatus', 'orderId=ORD-1004'],
      {
        env: { ...env(), ORDERS_TABLE: 'nope' },
      },
    );
    const unknown = await runCli(['action', '--table', 'nope', 'getOrderStatus', 'orderId=ORD-1001'], {
      env: env(),
    });

    expect(chosen.code).toBe(0);
    expect(parseJson(chosen.stdout()).response.response.httpStatusCode).toBe(200);
    expect(unknown.code).toBe(3);
    expect(lines(unknown.stderr())).toEqual([
      `order-agent: table "nope" not found at ${db.endpoint} (tables: orders-test); set ORDERS_TABLE or pass --table`,
    ]);
  });

  test('a stopped npm run dev: one line saying nothing listens there (exit 3), not a 503 answer', async () => {
    const stopped = await startLocalDynamoDb();
    await stopped.stop();

    const run = await runCli(['action', 'getOrderStatus', 'orderId=ORD-1001'], {
      env: { ...env(), AWS_ENDPOINT_URL_DYNAMODB: stopped.endpoint },
    });

    expect(run.code).toBe(3);
    expect(lines(run.stderr())).toEqual([
      `order-agent: nothing is listening at ${stopped.endpoint} (ECONNREFUSED): is \`npm run dev\` running?`,
    ]);
  });

  test('signs with the credentials of AWS_PROFILE when no keys are set (the Lambda client reads only keys)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'order-agent-profile-'));
    const file = join(dir, 'credentials');
    writeFileSync(
      file,
      '[local-dev]\naws_access_key_id = PROFILEKEY\naws_secret_access_key = profile-secret\n',
    );
    const saved = process.env.AWS_SHARED_CREDENTIALS_FILE;
    process.env.AWS_SHARED_CREDENTIALS_FILE = file;
    try {
      const run = await runCli(['action', '--json', 'getOrderStatus', 'orderId=ORD-1004'], {
        env: { ...env(), AWS_PROFILE: 'local-dev' },
      });
      const missing = await runCli(['action', 'getOrderStatus', 'orderId=ORD-1004'], {
        env: { ...env(), AWS_PROFILE: 'no-such-profile' },
      });

      expect(run.stderr()).toBe('');
      expect(run.code).toBe(0);
      expect(parseJson(run.stdout()).response.response.httpStatusCode).toBe(200);
      expect(missing.code).toBe(3);
      expect(lines(missing.stderr())).toHaveLength(1);
      expect(missing.stderr()).toMatch(/^order-agent: no AWS credentials/);
    } finally {
      if (saved === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
      else process.env.AWS_SHARED_CREDENTIALS_FILE = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an endpoint that is not local is refused unless --aws', async () => {
    const run = await runCli(['action', 'getOrderStatus', 'orderId=ORD-1001'], {
      env: { ...env(), AWS_ENDPOINT_URL_DYNAMODB: 'https://dynamodb.eu-west-1.amazonaws.com' },
    });

    expect(run.code).toBe(3);
    expect(lines(run.stderr())).toEqual([
      'order-agent: https://dynamodb.eu-west-1.amazonaws.com is not a local endpoint; action runs against a local table (npm run dev), or pass --aws to use it anyway',
    ]);
  });
});

describe('action: usage and configuration', () => {
  test('--event-only prints the event alone and needs no table', async () => {
    const run = await runCli([
      'action',
      '--event-only',
      '--action-group',
      'orders',
      'getOrderStatus',
      'orderId=ORD-1001',
    ]);

    expect(run.code).toBe(0);
    expect(parseJson(run.stdout())).toMatchObject({
      actionGroup: 'orders',
      apiPath: '/orders/{orderId}',
      httpMethod: 'GET',
      parameters: [{ name: 'orderId', type: 'string', value: 'ORD-1001' }],
    });
    expect(parseJson(run.stdout()).requestBody).toBeUndefined();
  });

  test.each([
    [['action'], 'missing OPERATION (see the list in order-agent action --help)'],
    [
      ['action', 'cancelOrder'],
      'unknown operation "cancelOrder" (operations: getOrderStatus, initiateReturn, updateShippingAddress)',
    ],
    [
      ['action', 'getOrderStatus', 'order=ORD-1'],
      'getOrderStatus has no parameter or body property "order" (allowed: orderId)',
    ],
    [['action', 'getOrderStatus', 'ORD-1'], '"ORD-1" is not key=value'],
    [['action', 'getOrderStatus', 'orderId=1', 'orderId=2'], 'orderId is given twice'],
  ])('%j is a usage error (exit 2, one line)', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(lines(run.stderr())).toEqual([`order-agent: ${message}`]);
  });

  test('without --local and without a local endpoint it refuses to run (exit 3)', async () => {
    const run = await runCli(['action', 'getOrderStatus', 'orderId=ORD-1001'], {
      env: { ORDERS_TABLE: 'orders' },
    });
    expect(run.code).toBe(3);
    expect(lines(run.stderr())).toEqual([
      'order-agent: no local DynamoDB: set AWS_ENDPOINT_URL_DYNAMODB (npm run dev prints it) or pass --local',
    ]);
  });

  test('--help lists the operations with their keys', async () => {
    const run = await runCli(['action', '--help']);
    expect(run.stdout()).toContain(
      'initiateReturn         POST /orders/{orderId}/return [agent asks the user to confirm]',
    );
    expect(run.stdout()).toContain('orderId (path), reason (body)');
    expect(run.stdout()).toContain('line2? (body)');
  });
});
