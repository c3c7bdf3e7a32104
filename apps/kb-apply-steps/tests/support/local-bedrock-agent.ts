import { createServer } from 'node:http';
import { listenOnLoopback } from '@order-agent/local-aws';
import type { RecordedRequest } from './local-collection';

/** One answer of the stand-in: a status with an optional JSON body and AWS error type, or `drop`. */
export type AgentReply =
  | { readonly status: number; readonly body?: unknown; readonly errorType?: string }
  | 'drop';

export interface LocalBedrockAgent {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * A stand-in for the Bedrock Agent control plane on loopback, in its REST-JSON protocol: records every request
 * and answers from a list (the last answer repeats); errors carry `x-amzn-errortype` and a `message` body.
 */
export async function startLocalBedrockAgent(replies: readonly AgentReply[]): Promise<LocalBedrockAgent> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)] ?? { status: 500 };
      if (reply === 'drop') {
        req.socket.destroy();
        return;
      }
      const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        ...(reply.errorType === undefined ? {} : { 'x-amzn-errortype': reply.errorType }),
      });
      res.end(body);
    });
  });
  return { ...(await listenOnLoopback(server)), requests };
}

/** A modelled Bedrock error answer. */
export function agentError(status: number, type: string, message: string): AgentReply {
  return {
    status,
    errorType: `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    body: { message },
  };
}
