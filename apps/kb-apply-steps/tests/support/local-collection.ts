import { createServer, type IncomingHttpHeaders } from 'node:http';
import { listenOnLoopback } from '@order-agent/local-aws';

/** One request as the stand-in collection received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An answer to send back, or `drop` to cut the connection without one. */
export type Reply = { readonly status: number; readonly body?: unknown } | 'drop';

/** Replies per method, used in order; the last one repeats. */
export type Script = Partial<Record<'HEAD' | 'PUT' | 'GET' | 'POST', readonly Reply[]>>;

export interface LocalCollection {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * A stand-in OpenSearch Serverless collection on loopback: records every request (method, path, headers, body)
 * and answers from a script, in OpenSearch's JSON error format.
 */
export async function startLocalCollection(script: Script): Promise<LocalCollection> {
  const requests: RecordedRequest[] = [];
  const served: Record<string, number> = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? '';
      requests.push({
        method,
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const replies = script[method as keyof Script] ?? [];
      const count = served[method] ?? 0;
      served[method] = count + 1;
      const reply = replies[Math.min(count, replies.length - 1)] ?? {
        status: 405,
        body: { error: 'unscripted' },
      };
      if (reply === 'drop') {
        req.socket.destroy();
        return;
      }
      const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(method === 'HEAD' ? undefined : body);
    });
  });
  return { ...(await listenOnLoopback(server)), requests };
}

/** OpenSearch's error body. */
export function openSearchError(status: number, type: string, reason: string) {
  return { status, body: { error: { root_cause: [{ type, reason }], type, reason }, status } };
}

/** What OpenSearch Serverless answers while the caller is not (yet) in the data access policy. */
export const forbidden = {
  status: 403,
  body: {
    status: 403,
    'request-id': 'b7c0e7a4-0000-0000-0000-000000000000',
    error: { reason: '403 Forbidden', type: 'Forbidden' },
  },
} as const;

/** A search answer (`POST /<index>/_search`) from a served index: no hits asked for. */
export const searchAnswered = {
  status: 200,
  body: {
    took: 1,
    timed_out: false,
    hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] },
  },
} as const;
