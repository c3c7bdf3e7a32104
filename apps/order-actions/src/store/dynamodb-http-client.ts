import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { Item } from './attribute-value';
import {
  ConditionalCheckFailedError,
  DynamoDbCallError,
  DynamoDbDeadlineError,
  DynamoDbTimeoutError,
} from './errors';
import type { DynamoDbItemClient, ItemCallOptions } from './item-client';
import { type SigV4Credentials, SigV4Signer } from './sigv4-signer';

/** Where and as whom the client calls DynamoDB, and how long it waits; see the README's "Time budget". */
export interface DynamoDbHttpClientProps {
  /** @default AWS_ENDPOINT_URL_DYNAMODB, else AWS_ENDPOINT_URL, else `https://dynamodb.<region>.amazonaws.com` */
  readonly endpoint?: string;
  /** @default AWS_REGION, else AWS_DEFAULT_REGION */
  readonly region?: string;
  /** @default AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, as the Lambda runtime sets them */
  readonly credentials?: SigV4Credentials;
  /**
   * Abandon a connection attempt after this long.
   * @default 1000
   */
  readonly connectionTimeoutMs?: number;
  /**
   * Abandon an attempt when its socket has been silent this long (no answer, or an answer that stalls).
   * @default 1000
   */
  readonly requestTimeoutMs?: number;
  /**
   * Attempts per call, the first included.
   * @default 3
   */
  readonly maxAttempts?: number;
}

interface Target {
  readonly url: URL;
  /** The host to connect to: an IPv6 address without its URL brackets. */
  readonly hostname: string;
  readonly signer: SigV4Signer;
  readonly agent: HttpAgent | HttpsAgent;
  readonly send: typeof httpRequest;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** Error types DynamoDB answers a throttled request with (HTTP 400): retried after a longer backoff. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
]);
/** Backoff base: a retry waits a random time up to base x 2^(attempt - 1) ("full jitter"), as the SDK's standard mode. */
const BACKOFF_BASE_MS = 100;
const THROTTLED_BACKOFF_BASE_MS = 500;
/** The longest delay a Node.js timer takes (2^31 - 1 ms, ~24.8 days); longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * DynamoDB's JSON protocol over Node's `http`/`https`, signed with SigV4 ({@link SigV4Signer}): the two calls the
 * order repository makes, with what the SDK gave it and nothing else. Each attempt is bounded (connection and idle
 * timeouts); network failures, timeouts, 5xx and throttling are retried with jittered backoff; the call's
 * deadline stops everything at once. Connections are kept alive between calls, as a warm Lambda reuses them.
 */
export class DynamoDbHttpClient implements DynamoDbItemClient {
  private readonly props: DynamoDbHttpClientProps;
  private readonly connectionTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly maxAttempts: number;
  private target: Target | undefined;

  constructor(props: DynamoDbHttpClientProps = {}) {
    this.props = props;
    this.connectionTimeoutMs = props.connectionTimeoutMs ?? 1000;
    this.requestTimeoutMs = props.requestTimeoutMs ?? 1000;
    this.maxAttempts = props.maxAttempts ?? 3;
  }

  async getItem(input: object, options?: ItemCallOptions): Promise<{ readonly Item?: Item }> {
    return this.call('GetItem', input, options?.deadline);
  }

  async updateItem(input: object, options?: ItemCallOptions): Promise<{ readonly Attributes?: Item }> {
    return this.call('UpdateItem', input, options?.deadline);
  }

  destroy(): void {
    this.target?.agent.destroy();
  }

  private async call<T>(operation: string, input: object, until: number | undefined): Promise<T> {
    // A deadline further away than a timer can wait (Infinity included) is no deadline: the attempts' own timeouts
    // end the call long before it.
    const deadline = until !== undefined && until - Date.now() < MAX_TIMER_MS ? until : undefined;
    if (deadline !== undefined && Date.now() >= deadline) throw new DynamoDbDeadlineError();
    // Resolved on the first call, not in the constructor: a missing region or credentials is then an unavailable
    // store (as with the SDK), not a crash of the handler.
    this.target ??= this.resolveTarget();
    const target = this.target;
    const body = JSON.stringify(input);
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        const answer = await this.attempt(target, operation, body, deadline);
        if (answer.status === 200) return JSON.parse(answer.body) as T;
        failure = callError(answer);
      } catch (error) {
        // The deadline is the caller's time budget running out: never retried. Anything else thrown before an
        // answer (a refused or reset connection, a timeout) is retried, as the SDK does.
        if (error instanceof DynamoDbDeadlineError) throw error;
        failure = error;
      }
      const backoffBaseMs = backoffBaseFor(failure);
      if (backoffBaseMs === undefined || attempt >= this.maxAttempts) throw failure;
      await backoff(Math.random() * backoffBaseMs * 2 ** (attempt - 1), deadline);
    }
  }

  private resolveTarget(): Target {
    const region = this.props.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region) throw new Error('no AWS region: set AWS_REGION (the Lambda runtime does)');
    const url = new URL(
      this.props.endpoint ??
        process.env.AWS_ENDPOINT_URL_DYNAMODB ??
        process.env.AWS_ENDPOINT_URL ??
        `https://dynamodb.${region}.amazonaws.com`,
    );
    const credentials = this.props.credentials ?? credentialsFromEnvironment();
    const signer = new SigV4Signer({ service: 'dynamodb', region, credentials });
    // node:https (and TLS) is loaded only for an https endpoint; a local table is plain http.
    const secure = url.protocol === 'https:';
    const { Agent, request } = secure
      ? (require('node:https') as typeof import('node:https'))
      : { Agent: HttpAgent, request: httpRequest };
    const { hostname } = url;
    return {
      url,
      hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
      signer,
      agent: new Agent({ keepAlive: true, maxSockets: 50 }),
      send: request,
    };
  }

  /**
   * One signed request; resolves with any HTTP answer, rejects when none arrives. Its limits are plain timers (an
   * AbortSignal and the socket's own timeout cost a Node 20 cold start ~2 ms more): the connection timeout from the
   * socket's assignment (waiting for a free pooled socket is not connecting, as in the SDK), the idle timeout from
   * the connection (restarted by the headers and each piece of the body), and the call's deadline.
   */
  private async attempt(
    target: Target,
    operation: string,
    body: string,
    deadline: number | undefined,
  ): Promise<Answer> {
    const { url } = target;
    const headers = target.signer.sign({
      url,
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': String(Buffer.byteLength(body)),
        'x-amz-target': `DynamoDB_20120810.${operation}`,
      },
      body,
    });
    // Signing (and, on the first call, loading node:https) takes time: a request the deadline has passed is not sent.
    if (deadline !== undefined && Date.now() >= deadline) throw new DynamoDbDeadlineError();
    const { connectionTimeoutMs, requestTimeoutMs } = this;
    return new Promise<Answer>((resolve, reject) => {
      const req = target.send({
        method: 'POST',
        hostname: target.hostname,
        port: url.port || undefined,
        path: url.pathname,
        headers,
        agent: target.agent,
      });
      const giveUp = (error: Error) => req.destroy(error);
      let connecting: NodeJS.Timeout | undefined;
      let idle: NodeJS.Timeout | undefined;
      const late =
        deadline === undefined
          ? undefined
          : setTimeout(() => giveUp(new DynamoDbDeadlineError()), deadline - Date.now());
      const watchIdle = () => {
        idle = setTimeout(
          () => giveUp(new DynamoDbTimeoutError(`no answer within ${requestTimeoutMs} ms`)),
          requestTimeoutMs,
        );
      };
      const stopTimers = () => {
        clearTimeout(connecting);
        clearTimeout(idle);
        clearTimeout(late);
      };
      const fail = (error: Error) => {
        stopTimers();
        reject(error);
      };
      req.on('socket', (socket) => {
        if (!socket.connecting) return watchIdle(); // a kept-alive connection
        connecting = setTimeout(
          () => giveUp(new DynamoDbTimeoutError(`no connection within ${connectionTimeoutMs} ms`)),
          connectionTimeoutMs,
        );
        socket.once('connect', () => {
          clearTimeout(connecting);
          watchIdle();
        });
      });
      req.on('error', fail);
      req.on('response', (res: IncomingMessage) => {
        idle?.refresh();
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          idle?.refresh();
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          stopTimers();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.end(body);
    });
  }
}

/** DynamoDB's error answer (`{"__type": "com.amazonaws.dynamodb.v20120810#Code", "message": ...}`) as an error. */
function callError(answer: Answer): Error {
  let parsed: { __type?: string; message?: string; Message?: string; Item?: Item } = {};
  try {
    parsed = JSON.parse(answer.body) as typeof parsed;
  } catch {
    // Not JSON (a proxy's 502 page, say): the status says enough.
  }
  const code = parsed.__type?.split('#').pop() || `HTTP${answer.status}`;
  if (code === 'ConditionalCheckFailedException') return new ConditionalCheckFailedError(parsed.Item);
  return new DynamoDbCallError(
    code,
    parsed.message ?? parsed.Message ?? `HTTP ${answer.status}`,
    answer.status,
  );
}

/** The backoff base for trying `failure` again, or undefined when another attempt would fail the same way. */
function backoffBaseFor(failure: unknown): number | undefined {
  if (failure instanceof ConditionalCheckFailedError) return undefined;
  // No answer at all (refused or reset connection, timeout): the SDK retries these too.
  if (!(failure instanceof DynamoDbCallError)) return BACKOFF_BASE_MS;
  if (THROTTLING.has(failure.name)) return THROTTLED_BACKOFF_BASE_MS;
  return failure.status >= 500 ? BACKOFF_BASE_MS : undefined;
}

function credentialsFromEnvironment() {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = process.env;
  if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY)
    throw new Error(
      'no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the Lambda runtime does)',
    );
  return {
    accessKeyId: AWS_ACCESS_KEY_ID,
    secretAccessKey: AWS_SECRET_ACCESS_KEY,
    ...(AWS_SESSION_TOKEN && { sessionToken: AWS_SESSION_TOKEN }),
  };
}

/** Waits `ms` before the next attempt, or fails at the deadline when it comes first. */
async function backoff(ms: number, deadline: number | undefined): Promise<void> {
  const room = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.min(ms, room)));
  if (room <= ms) throw new DynamoDbDeadlineError();
}
