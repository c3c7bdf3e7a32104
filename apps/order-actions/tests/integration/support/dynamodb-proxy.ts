import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback HTTP proxy in front of dynalite that counts calls per DynamoDB operation and, optionally, answers
 * `ReturnValuesOnConditionCheckFailure: ALL_OLD` the way DynamoDB does (dynalite ignores it): a failed condition
 * on an existing item carries that item in the error body.
 */
export interface DynamoDbProxy {
  readonly endpoint: string;
  /** Calls received from clients, by operation (`GetItem`, `UpdateItem`...). */
  readonly calls: Map<string, number>;
  stop(): Promise<void>;
}

export async function startDynamoDbProxy(
  target: string,
  options: { readonly returnOldItemOnConditionFailure: boolean },
): Promise<DynamoDbProxy> {
  const calls = new Map<string, number>();
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    calls.set(operation, (calls.get(operation) ?? 0) + 1);
    const answer = await forward(target, req.headers, body);
    let payload = answer.body;
    if (options.returnOldItemOnConditionFailure && answer.status === 400) {
      const input = JSON.parse(body) as {
        TableName: string;
        Key: unknown;
        ReturnValuesOnConditionCheckFailure?: string;
      };
      const error = JSON.parse(payload) as { __type?: string; Item?: unknown };
      if (
        input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' &&
        error.__type?.endsWith('#ConditionalCheckFailedException')
      ) {
        const read = await forward(
          target,
          { ...req.headers, 'x-amz-target': 'DynamoDB_20120810.GetItem' },
          JSON.stringify({ TableName: input.TableName, Key: input.Key, ConsistentRead: true }),
        );
        const { Item } = JSON.parse(read.body) as { Item?: unknown };
        if (Item) payload = JSON.stringify({ ...error, Item });
      }
    }
    res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0' }).end(payload);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await listen(server);
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
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

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
