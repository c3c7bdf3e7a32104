import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one DynamoDB call. */
export type Fault =
  /** Pass it on, and answer after `delayMs` more (the table is slow). */
  | { readonly kind: 'forward'; readonly delayMs?: number }
  /** Answer HTTP 400 ProvisionedThroughputExceededException as DynamoDB does; the call never reaches the table. */
  | { readonly kind: 'throttle' }
  /** Read the request and never answer (the table hangs). */
  | { readonly kind: 'stall' }
  /**
   * Pass it on (so a write is applied), then drop the connection without answering (the answer is lost);
   * `beforeDropping` runs in between (another system's write, say).
   */
  | { readonly kind: 'lose-answer'; readonly beforeDropping?: () => Promise<unknown> }
  /** Pass it on, send the status line, headers and half the body, then go silent (a stalled response). */
  | { readonly kind: 'stall-mid-answer' };

export interface ProxiedCall {
  /** `GetItem`, `UpdateItem`... */
  readonly operation: string;
  /** The order the call is about (its Key), if any. */
  readonly orderId: string | undefined;
  readonly fault: Fault['kind'];
}

export type FaultPolicy = (call: {
  operation: string;
  orderId: string | undefined;
  body: string;
}) => Fault | Promise<Fault>;

export interface DynamoDbProxy {
  /** `http://127.0.0.1:<port>`: give it to the handler as AWS_ENDPOINT_URL_DYNAMODB. */
  readonly endpoint: string;
  /** Every call received, in order; empty it with `calls.length = 0`. */
  readonly calls: ProxiedCall[];
  /** Decides each call from now on (default: forward everything). */
  setPolicy(policy: FaultPolicy): void;
  /** Stops listening: connections to the endpoint are refused until resume(). */
  pause(): Promise<void>;
  /** Listens again on the same port (nothing to do when it is listening). */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** The body DynamoDB sends with a throttled request (HTTP 400, awsJson1_0). */
export const THROTTLED_BODY = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message:
    'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
});

const forwardAll: FaultPolicy = () => ({ kind: 'forward' });

export interface DynamoDbProxyOptions {
  /**
   * Behave as DynamoDB does where dynalite does not: a conditional write refused with
   * `ReturnValuesOnConditionCheckFailure: ALL_OLD` carries the item as it was when the condition was checked.
   * Calls on the same key are then handled one at a time, so that item is read atomically with the refusal
   * (for every client that goes through the proxy).
   * @default false
   */
  readonly returnOldItemOnConditionFailure?: boolean;
}

/**
 * A loopback HTTP proxy in front of dynalite that speaks DynamoDB's protocol both ways, records every call and
 * injects faults per call as its policy says: slow answers, throttling, hangs, lost answers, refused connections.
 * It forwards everything until given a policy; optionally it answers ALL_OLD refusals as DynamoDB does.
 */
export async function startDynamoDbProxy(
  target: string,
  options: DynamoDbProxyOptions = {},
): Promise<DynamoDbProxy> {
  let policy = forwardAll;
  const keyQueues = new Map<string, Promise<void>>();
  /** Runs `task` after every earlier task on the same key (DynamoDB serialises writes to one item). */
  const serialised = async <T>(key: string | undefined, task: () => Promise<T>): Promise<T> => {
    if (!options.returnOldItemOnConditionFailure || key === undefined) return task();
    const previous = keyQueues.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    keyQueues.set(key, settled);
    try {
      return await run;
    } finally {
      if (keyQueues.get(key) === settled) keyQueues.delete(key);
    }
  };
  const calls: ProxiedCall[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const orderId = orderIdOf(body);
    const fault = await policy({ operation, orderId, body });
    calls.push({ operation, orderId, fault: fault.kind });
    switch (fault.kind) {
      case 'throttle':
        res
          .writeHead(400, {
            'content-type': 'application/x-amz-json-1.0',
            'x-amzn-requestid': `THROTTLED${calls.length}`,
          })
          .end(THROTTLED_BODY);
        return;
      case 'stall':
        return;
      case 'forward':
      case 'lose-answer':
      case 'stall-mid-answer': {
        let answer: { status: number; body: string };
        try {
          answer = await serialised(orderId, async () => {
            const forwarded = await forward(target, req.headers, body);
            return options.returnOldItemOnConditionFailure
              ? withOldItem(target, req.headers, body, forwarded)
              : forwarded;
          });
        } catch {
          res.socket?.destroy();
          return;
        }
        if (fault.kind === 'lose-answer') {
          await fault.beforeDropping?.();
          res.socket?.destroy();
          return;
        }
        const headers = {
          'content-type': 'application/x-amz-json-1.0',
          'content-length': Buffer.byteLength(answer.body),
        };
        if (fault.kind === 'stall-mid-answer') {
          res.writeHead(answer.status, headers);
          res.write(answer.body.slice(0, Math.floor(answer.body.length / 2)));
          return;
        }
        if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (!res.destroyed) res.writeHead(answer.status, headers).end(answer.body);
        return;
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) resolve();
      else server.close(() => resolve());
    });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    setPolicy(next) {
      policy = next;
    },
    pause: close,
    resume: () => (server.listening ? Promise.resolve() : listen(server, port)),
    stop: close,
  };
}

/** How many calls of each operation, e.g. `{ GetItem: 1, UpdateItem: 1 }`. */
export function countByOperation(calls: readonly ProxiedCall[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { operation } of calls) counts[operation] = (counts[operation] ?? 0) + 1;
  return counts;
}

function orderIdOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { Key?: { orderId?: { S?: string } } };
    return parsed.Key?.orderId?.S;
  } catch {
    return undefined;
  }
}

/** Adds the item as it is now to a ConditionalCheckFailedException answer of a call that asked for ALL_OLD. */
async function withOldItem(
  target: string,
  headers: IncomingHttpHeaders,
  body: string,
  answer: { status: number; body: string },
): Promise<{ status: number; body: string }> {
  if (answer.status !== 400) return answer;
  const input = JSON.parse(body) as {
    TableName: string;
    Key: unknown;
    ReturnValuesOnConditionCheckFailure?: string;
  };
  const error = JSON.parse(answer.body) as { __type?: string };
  if (
    input.ReturnValuesOnConditionCheckFailure !== 'ALL_OLD' ||
    !error.__type?.endsWith('#ConditionalCheckFailedException')
  ) {
    return answer;
  }
  const read = await forward(
    target,
    { ...headers, 'x-amz-target': 'DynamoDB_20120810.GetItem' },
    JSON.stringify({ TableName: input.TableName, Key: input.Key, ConsistentRead: true }),
  );
  const { Item } = JSON.parse(read.body) as { Item?: unknown };
  return Item ? { ...answer, body: JSON.stringify({ ...error, Item }) } : answer;
}

function forward(
  target: string,
  headers: IncomingHttpHeaders,
  body: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(target);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/',
        headers: { ...headers, host: url.host, 'content-length': Buffer.byteLength(body) },
      },
      async (response) => resolve({ status: response.statusCode ?? 500, body: await readBody(response) }),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function readBody(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
