import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type LoopbackServer, listenOnLoopback } from '@order-agent/local-aws';
// The independent SigV4 check kb-apply-steps' signed client is tested with (AWS's spec, node:crypto).
import { verifySigV4 } from '../../../kb-apply-steps/tests/support/sigv4-verifier';
import { OrderStoreUnavailableError } from '../../src/domain';
import {
  ConditionalCheckFailedError,
  createDynamoDbClient,
  DynamoDbDeadlineError,
  DynamoDbOrderRepository,
  OrderStoreError,
} from '../../src/store';

// The Lambda's DynamoDB client against a loopback stand-in that answers what DynamoDB answers (awsJson1_0), for
// what dynalite cannot show: the signature and session token on the wire, 5xx answers, and a request the service
// rejects. Throttling, timeouts, lost answers and refused connections are in tests/hardening/faults.test.ts.

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
/**
 * An answer; `cut`: the status line, headers and half a body, then the connection closes; `silence`: nothing until
 * the client gives up; `trickle`: the headers after 80 ms, then an item in five pieces 80 ms apart.
 */
type Reply = { readonly status: number; readonly body: unknown } | 'cut' | 'silence' | 'trickle';

const ENV_NAMES = [
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ENDPOINT_URL_DYNAMODB',
] as const;
const SECRET = 'lambda-role-secret';
const KEY = { orderId: { S: 'ORD-1001' } };
const awsError = (type: string, extra: object = {}) => ({
  __type: `com.amazonaws.dynamodb.v20120810#${type}`,
  message: `${type} message`,
  ...extra,
});

let server: Server;
let stand: LoopbackServer;
let requests: Recorded[];
let replies: Reply[];
const saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  server = createServer(async (req, res) => {
    // The test the request arrived in: an aborted call's last request is read after its test has ended.
    const arrivedIn = requests;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    arrivedIn.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    // The last reply repeats.
    const reply = (replies.length > 1 ? replies.shift() : replies[0]) ?? { status: 200, body: {} };
    if (reply === 'silence') return;
    if (reply === 'trickle') {
      const text = JSON.stringify({ Item: KEY });
      const pieces = [0, 1, 2, 3, 4].map((i) =>
        text.slice((i * text.length) / 5, ((i + 1) * text.length) / 5),
      );
      await sleep(80);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': text.length });
      res.flushHeaders();
      for (const piece of pieces) {
        await sleep(80);
        res.write(piece);
      }
      res.end();
      return;
    }
    if (reply === 'cut') {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': 100 });
      res.write('{"Item":');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify(reply.body));
  });
  stand = await listenOnLoopback(server);
});
afterAll(() => stand.stop());
beforeEach(() => {
  requests = [];
  replies = [];
  Object.assign(process.env, {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'ASIALAMBDAROLE',
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: 'session-token-of-the-role',
    AWS_ENDPOINT_URL_DYNAMODB: stand.endpoint,
  });
});
afterAll(() => {
  for (const name of ENV_NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

it('signs each call with the Lambda environment credentials, session token included, in the JSON protocol', async () => {
  replies = [{ status: 200, body: { Item: { orderId: { S: 'ORD-1001' } } } }];
  const client = createDynamoDbClient();
  const input = { TableName: 'orders', Key: KEY, ConsistentRead: true };
  await expect(client.getItem(input)).resolves.toEqual({ Item: { orderId: { S: 'ORD-1001' } } });
  client.destroy();

  const [request] = requests;
  expect(request).toMatchObject({ method: 'POST', path: '/' });
  expect(JSON.parse(request!.body)).toEqual(input);
  expect(request!.headers).toMatchObject({
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': 'DynamoDB_20120810.GetItem',
    'x-amz-security-token': 'session-token-of-the-role',
  });
  const signature = verifySigV4(request!, SECRET);
  expect(signature).toMatchObject({
    accessKeyId: 'ASIALAMBDAROLE',
    region: 'eu-west-1',
    service: 'dynamodb',
  });
  expect(signature.signedHeaders).toEqual(
    expect.arrayContaining(['host', 'x-amz-target', 'x-amz-security-token']),
  );
});

it('retries throttling and 5xx answers with backoff, then answers', async () => {
  replies = [
    { status: 400, body: awsError('ProvisionedThroughputExceededException') },
    { status: 500, body: { __type: 'com.amazon.coral.service#InternalFailure' } },
    { status: 200, body: { Attributes: KEY } },
  ];
  const client = createDynamoDbClient();
  await expect(client.updateItem({ TableName: 'orders', Key: KEY })).resolves.toEqual({ Attributes: KEY });
  client.destroy();
  expect(requests.map((r) => r.headers['x-amz-target'])).toEqual(
    Array(3).fill('DynamoDB_20120810.UpdateItem'),
  );
});

it('retries an answer cut off halfway through its body', async () => {
  replies = ['cut', { status: 200, body: { Item: KEY } }];
  const client = createDynamoDbClient();
  await expect(client.getItem({ TableName: 'orders', Key: KEY })).resolves.toEqual({ Item: KEY });
  client.destroy();
  expect(requests).toHaveLength(2);
});

it('gives up after maxAttempts with the last error, named as DynamoDB names it', async () => {
  replies = [{ status: 503, body: awsError('ServiceUnavailable') }];
  const client = createDynamoDbClient({ maxAttempts: 2 });
  await expect(client.getItem({ TableName: 'orders', Key: KEY })).rejects.toMatchObject({
    name: 'ServiceUnavailable',
    status: 503,
  });
  client.destroy();
  expect(requests).toHaveLength(2);
});

it('sends a refused condition back at once, with the old item when DynamoDB sends it', async () => {
  replies = [{ status: 400, body: awsError('ConditionalCheckFailedException', { Item: KEY }) }];
  const client = createDynamoDbClient();
  const refusal = await client.updateItem({ TableName: 'orders', Key: KEY }).catch((error: unknown) => error);
  client.destroy();
  expect(refusal).toBeInstanceOf(ConditionalCheckFailedError);
  expect((refusal as ConditionalCheckFailedError).item).toEqual(KEY);
  expect(requests).toHaveLength(1);
});

/** A GetItem with a deadline `ms` from now must fail with DynamoDbDeadlineError, soon after it and no later. */
async function failsAtDeadline(client: ReturnType<typeof createDynamoDbClient>, ms: number): Promise<void> {
  const started = performance.now();
  await expect(
    client.getItem({ TableName: 'orders', Key: KEY }, { deadline: Date.now() + ms }),
  ).rejects.toBeInstanceOf(DynamoDbDeadlineError);
  client.destroy();
  expect(performance.now() - started).toBeLessThan(Math.max(ms, 0) + 1300);
}

it('stops retrying at the deadline (the time budget), with a DynamoDbDeadlineError', async () => {
  replies = [{ status: 500, body: { __type: 'com.amazon.coral.service#InternalFailure' } }];
  await failsAtDeadline(createDynamoDbClient({ maxAttempts: 20 }), 200);
  await connectionsClosed(server);
  expect(requests.length).toBeLessThan(20);
});

it('abandons a request still unanswered at the deadline, before its own idle timeout', async () => {
  replies = ['silence'];
  await failsAtDeadline(createDynamoDbClient({ requestTimeoutMs: 5_000 }), 200);
  expect(requests).toHaveLength(1);
});

it('sends nothing when the deadline has already passed', async () => {
  await failsAtDeadline(createDynamoDbClient(), -1);
  expect(requests).toHaveLength(0);
});

it('gives up on a silent attempt after the idle timeout, then retries, without any deadline', async () => {
  replies = ['silence'];
  const client = createDynamoDbClient({ requestTimeoutMs: 100, maxAttempts: 2 });
  const started = performance.now();
  await expect(client.getItem({ TableName: 'orders', Key: KEY })).rejects.toMatchObject({
    name: 'TimeoutError',
    message: 'no answer within 100 ms',
  });
  client.destroy();
  expect(performance.now() - started).toBeLessThan(1500);
  expect(requests).toHaveLength(2);
});

it('times a kept-alive connection out too, when its second request gets no answer', async () => {
  replies = [{ status: 200, body: { Item: KEY } }, 'silence'];
  const client = createDynamoDbClient({ requestTimeoutMs: 100, maxAttempts: 1 });
  await expect(client.getItem({ TableName: 'orders', Key: KEY })).resolves.toEqual({ Item: KEY });
  await expect(client.getItem({ TableName: 'orders', Key: KEY })).rejects.toMatchObject({
    name: 'TimeoutError',
  });
  client.destroy();
  expect(requests).toHaveLength(2);
});

it('keeps waiting while the answer keeps coming, each piece within the idle timeout', async () => {
  replies = ['trickle'];
  const client = createDynamoDbClient({ requestTimeoutMs: 150, maxAttempts: 1 });
  const started = performance.now();
  await expect(client.getItem({ TableName: 'orders', Key: KEY })).resolves.toEqual({ Item: KEY });
  client.destroy();
  // The whole answer took several idle timeouts: the timer restarts with the headers and each piece of the body.
  expect(performance.now() - started).toBeGreaterThan(400);
});

it('treats a deadline no timer can wait for (Infinity) as none', async () => {
  replies = [{ status: 200, body: { Item: KEY } }];
  const client = createDynamoDbClient();
  await expect(
    client.getItem({ TableName: 'orders', Key: KEY }, { deadline: Number.POSITIVE_INFINITY }),
  ).resolves.toEqual({ Item: KEY });
  client.destroy();
});

describe('through the repository, failures are sorted as before', () => {
  const repositoryOn = () =>
    new DynamoDbOrderRepository({ client: createDynamoDbClient(), tableName: 'orders' });

  it('a request DynamoDB rejects as malformed is our bug (OrderStoreError), sent once', async () => {
    replies = [{ status: 400, body: awsError('ValidationException') }];
    const failure = await repositoryOn()
      .findOrder('ORD-1001')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OrderStoreError);
    expect((failure as Error).message).toBe('DynamoDB rejected the request: ValidationException message');
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['a missing table', 400, awsError('ResourceNotFoundException')],
    ['an access denial', 400, { __type: 'com.amazon.coral.service#AccessDeniedException', Message: 'no' }],
    ['a 5xx that persists', 500, { __type: 'com.amazon.coral.service#InternalFailure' }],
  ])('%s means the store is unavailable', async (_case, status, body) => {
    replies = [{ status, body }];
    await expect(repositoryOn().findOrder('ORD-1001')).rejects.toBeInstanceOf(OrderStoreUnavailableError);
  });

  it('missing credentials mean the store is unavailable, not a crash', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    await expect(repositoryOn().findOrder('ORD-1001')).rejects.toBeInstanceOf(OrderStoreUnavailableError);
    expect(requests).toHaveLength(0);
  });
});

/** Resolves once the stand-in holds no connection: every request the client sent has reached its handler. */
async function connectionsClosed(on: Server): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 10) {
    const open = await new Promise<number>((resolve) => on.getConnections((_error, count) => resolve(count)));
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
