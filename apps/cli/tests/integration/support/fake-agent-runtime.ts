// A stand-in for the Bedrock agent runtime on loopback: an HTTP/2 (h2c) server that answers InvokeAgent with
// real AWS event-stream frames, so the real SDK client, pointed at it with AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME,
// runs its whole stack (signing, HTTP/2 handler, event-stream decoding, modelled exceptions).
import { createServer, type Http2Server, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const INVOKE_PATH = /^\/agents\/([^/]+)\/agentAliases\/([^/]+)\/sessions\/([^/]+)\/text$/;

/** The JSON body the SDK sends for InvokeAgent. */
export interface InvokeAgentBody {
  inputText?: string;
  enableTrace?: boolean;
  endSession?: boolean;
  streamingConfigurations?: { streamFinalResponse?: boolean };
  sessionState?: {
    sessionAttributes?: Record<string, string>;
    invocationId?: string;
    returnControlInvocationResults?: Array<{
      apiResult?: { actionGroup: string; apiPath?: string; httpMethod?: string; confirmationState?: string };
      functionResult?: { actionGroup: string; function?: string; confirmationState?: string };
    }>;
  };
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly agentId: string;
  readonly agentAliasId: string;
  readonly sessionId: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: InvokeAgentBody;
}

/** One step of a streamed answer. */
export type Frame =
  | { readonly event: 'chunk' | 'trace' | 'returnControl' | 'files'; readonly payload: unknown }
  | { readonly exception: string; readonly message: string }
  | { readonly pauseMs: number };

/** A whole answer: frames to stream, or an HTTP error before any stream. */
export type Reply =
  | readonly Frame[]
  | { readonly httpStatus: number; readonly errorType: string; readonly message: string };

export type Responder = (request: RecordedRequest) => Reply;

export class FakeAgentRuntime {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Reply[] = [];
  private responder: Responder | undefined;
  private readonly codec = new EventStreamCodec(toUtf8, fromUtf8);

  private constructor(
    private readonly server: Http2Server,
    readonly endpoint: string,
  ) {}

  /** Listens on 127.0.0.1:`port` (default: a free port). */
  static async start(listenPort = 0): Promise<FakeAgentRuntime> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listenPort, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const runtime = new FakeAgentRuntime(server, `http://127.0.0.1:${port}`);
    server.on('stream', (stream, headers) => {
      runtime.handle(stream, headers).catch((error: unknown) => {
        if (!stream.destroyed) stream.destroy(error as Error);
      });
    });
    return runtime;
  }

  /** Queues replies, used one per request in order. */
  reply(...replies: Reply[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Answers requests not covered by the queue. */
  respondWith(responder: Responder): this {
    this.responder = responder;
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.responder = undefined;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const path = String(headers[':path'] ?? '');
    const match = INVOKE_PATH.exec(path.split('?')[0] ?? '');
    if (headers[':method'] !== 'POST' || !match) {
      stream.respond({
        ':status': 404,
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException',
      });
      stream.end(JSON.stringify({ message: `no route for ${headers[':method']} ${path}` }));
      return;
    }
    const request: RecordedRequest = {
      method: String(headers[':method']),
      path,
      agentId: decodeURIComponent(match[1] ?? ''),
      agentAliasId: decodeURIComponent(match[2] ?? ''),
      sessionId: decodeURIComponent(match[3] ?? ''),
      headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as InvokeAgentBody,
    };
    this.requests.push(request);
    const reply = this.queue.shift() ?? this.responder?.(request) ?? [chunk('(no reply configured)')];
    if (!Array.isArray(reply)) {
      const failure = reply as Exclude<Reply, readonly Frame[]>;
      stream.respond({
        ':status': failure.httpStatus,
        'content-type': 'application/json',
        'x-amzn-errortype': failure.errorType,
        'x-amzn-requestid': 'fake-request-id',
      });
      stream.end(JSON.stringify({ message: failure.message }));
      return;
    }
    stream.respond({
      ':status': 200,
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-bedrock-agent-content-type': 'application/json',
      'x-amz-bedrock-agent-session-id': request.sessionId,
      'x-amzn-requestid': 'fake-request-id',
    });
    for (const frame of reply as readonly Frame[]) {
      if ('pauseMs' in frame) {
        await new Promise((resolve) => setTimeout(resolve, frame.pauseMs));
        continue;
      }
      if (stream.destroyed) return;
      stream.write(this.encode(frame));
      if ('exception' in frame) break;
    }
    stream.end();
  }

  private encode(frame: Exclude<Frame, { pauseMs: number }>): Uint8Array {
    const text = (value: string) => ({ type: 'string' as const, value });
    if ('exception' in frame) {
      return this.codec.encode({
        headers: {
          ':message-type': text('exception'),
          ':exception-type': text(frame.exception),
          ':content-type': text('application/json'),
        },
        body: fromUtf8(JSON.stringify({ message: frame.message })),
      });
    }
    return this.codec.encode({
      headers: {
        ':message-type': text('event'),
        ':event-type': text(frame.event),
        ':content-type': text('application/json'),
      },
      body: fromUtf8(JSON.stringify(frame.payload)),
    });
  }
}

// ---- frame builders, in the JSON shapes the service sends ----

export function chunk(text: string, citations?: unknown[]): Frame {
  return {
    event: 'chunk',
    payload: {
      bytes: Buffer.from(text, 'utf8').toString('base64'),
      ...(citations ? { attribution: { citations } } : {}),
    },
  };
}

export function trace(body: Record<string, unknown>): Frame {
  return {
    event: 'trace',
    payload: { agentId: 'AGENT1', agentAliasId: 'ALIAS1', sessionId: 's', trace: body },
  };
}

export function exception(type: string, message: string): Frame {
  return { exception: type, message };
}

export function pause(ms: number): Frame {
  return { pauseMs: ms };
}

export function confirmationRequest(
  invocationId: string,
  call: {
    actionGroup: string;
    httpMethod: string;
    apiPath: string;
    parameters: Record<string, string>;
    body?: Record<string, string>;
  },
): Frame {
  const toList = (record: Record<string, string>) =>
    Object.entries(record).map(([name, value]) => ({ name, type: 'string', value }));
  return {
    event: 'returnControl',
    payload: {
      invocationId,
      invocationInputs: [
        {
          apiInvocationInput: {
            actionGroup: call.actionGroup,
            httpMethod: call.httpMethod,
            apiPath: call.apiPath,
            actionInvocationType: 'USER_CONFIRMATION',
            parameters: toList(call.parameters),
            ...(call.body
              ? { requestBody: { content: { 'application/json': { properties: toList(call.body) } } } }
              : {}),
          },
        },
      ],
    },
  };
}

/** Orchestration trace for an action-group call, as the service reports it. */
export function actionCallTrace(call: {
  actionGroup: string;
  verb: string;
  apiPath: string;
  parameters: Record<string, string>;
  body?: Record<string, string>;
}): Frame {
  const toList = (record: Record<string, string>) =>
    Object.entries(record).map(([name, value]) => ({ name, type: 'string', value }));
  return trace({
    orchestrationTrace: {
      invocationInput: {
        traceId: 't-1',
        invocationType: 'ACTION_GROUP',
        actionGroupInvocationInput: {
          actionGroupName: call.actionGroup,
          verb: call.verb.toLowerCase(),
          apiPath: call.apiPath,
          parameters: toList(call.parameters),
          ...(call.body ? { requestBody: { content: { 'application/json': toList(call.body) } } } : {}),
          executionType: 'LAMBDA',
        },
      },
    },
  });
}

export function observationTrace(output: unknown): Frame {
  return trace({
    orchestrationTrace: {
      observation: {
        traceId: 't-1',
        type: 'ACTION_GROUP',
        actionGroupInvocationOutput: { text: JSON.stringify(output) },
      },
    },
  });
}

export function rationaleTrace(text: string): Frame {
  return trace({ orchestrationTrace: { rationale: { traceId: 't-1', text } } });
}

export function usageTrace(inputTokens: number, outputTokens: number): Frame {
  return trace({
    orchestrationTrace: {
      modelInvocationOutput: { traceId: 't-1', metadata: { usage: { inputTokens, outputTokens } } },
    },
  });
}

export function knowledgeBaseTraces(knowledgeBaseId: string, query: string, uris: string[]): Frame[] {
  return [
    trace({
      orchestrationTrace: {
        invocationInput: {
          traceId: 't-2',
          invocationType: 'KNOWLEDGE_BASE',
          knowledgeBaseLookupInput: { knowledgeBaseId, text: query },
        },
      },
    }),
    trace({
      orchestrationTrace: {
        observation: {
          traceId: 't-2',
          type: 'KNOWLEDGE_BASE',
          knowledgeBaseLookupOutput: {
            retrievedReferences: uris.map((uri) => ({
              content: { text: `passage from ${uri}` },
              location: { type: 'S3', s3Location: { uri } },
            })),
          },
        },
      },
    }),
  ];
}

export function guardrailTrace(action: 'INTERVENED' | 'NONE', topic?: string): Frame {
  return trace({
    guardrailTrace: {
      action,
      traceId: 't-g',
      inputAssessments: topic
        ? [{ topicPolicy: { topics: [{ name: topic, type: 'DENY', action: 'BLOCKED' }] } }]
        : [],
    },
  });
}

export function failureTrace(reason: string, code: number): Frame {
  return trace({ failureTrace: { traceId: 't-f', failureReason: reason, failureCode: code } });
}
