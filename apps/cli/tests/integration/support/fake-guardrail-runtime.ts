// A stand-in for Bedrock Runtime's ApplyGuardrail on loopback: an HTTP/2 (h2c) server (the client's default
// handler speaks h2c to an http:// endpoint) answering POST /guardrail/{id}/version/{version}/apply with the
// REST-JSON body the real service returns, so the real BedrockRuntimeClient, pointed at it through
// AWS_ENDPOINT_URL_BEDROCK_RUNTIME, runs its whole stack (signing, HTTP/2, deserialisation, modelled errors).
// Its "guardrail" is a keyword table: enough to script every verdict the check must read.
import { createServer, type Http2Server, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';

const APPLY_PATH = /^\/guardrail\/([^/]+)\/version\/([^/]+)\/apply$/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;

export interface RecordedApply {
  readonly path: string;
  readonly guardrailId: string;
  readonly guardrailVersion: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: { source?: string; content?: Array<{ text?: { text?: string } }> };
}

export interface FakeGuardrailRules {
  /** Denied topics: a prompt containing any keyword (case-insensitive) is blocked by that topic. */
  readonly topics: Readonly<Record<string, readonly string[]>>;
  /** The guardrail that exists (id and version); anything else answers ResourceNotFoundException. */
  readonly guardrailId: string;
  readonly guardrailVersion: string;
  /** Answer every call with this modelled error instead. */
  readonly failWith?: { readonly status: number; readonly errorType: string; readonly message: string };
}

export class FakeGuardrailRuntime {
  readonly requests: RecordedApply[] = [];

  private constructor(
    private readonly server: Http2Server,
    readonly endpoint: string,
    private readonly rules: FakeGuardrailRules,
  ) {}

  static async start(rules: FakeGuardrailRules): Promise<FakeGuardrailRuntime> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const runtime = new FakeGuardrailRuntime(server, `http://127.0.0.1:${port}`, rules);
    server.on('stream', (stream, headers) => {
      runtime.handle(stream, headers).catch((error: unknown) => {
        if (!stream.destroyed) stream.destroy(error as Error);
      });
    });
    return runtime;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const path = String(headers[':path'] ?? '');
    const match = APPLY_PATH.exec(path);
    const reply = (status: number, body: unknown, errorType?: string) => {
      stream.respond({
        ':status': status,
        'content-type': 'application/json',
        'x-amzn-requestid': `guardrail-req-${this.requests.length}`,
        ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
      });
      stream.end(JSON.stringify(body));
    };
    if (headers[':method'] !== 'POST' || !match) {
      reply(404, { message: `no route for ${headers[':method']} ${path}` }, 'UnknownOperationException');
      return;
    }
    const request: RecordedApply = {
      path,
      guardrailId: decodeURIComponent(match[1] ?? ''),
      guardrailVersion: decodeURIComponent(match[2] ?? ''),
      headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
    };
    this.requests.push(request);
    const { failWith, guardrailId, guardrailVersion } = this.rules;
    if (failWith) {
      reply(failWith.status, { message: failWith.message }, failWith.errorType);
      return;
    }
    if (request.guardrailId !== guardrailId || request.guardrailVersion !== guardrailVersion) {
      reply(
        404,
        {
          message: `The guardrail ${request.guardrailId} version ${request.guardrailVersion} was not found.`,
        },
        'ResourceNotFoundException',
      );
      return;
    }
    reply(200, this.assess(request.body.content?.map((block) => block.text?.text ?? '').join('\n') ?? ''));
  }

  /** The ApplyGuardrail response body: denied topics block, an e-mail address is masked. */
  private assess(text: string) {
    const topics = Object.entries(this.rules.topics)
      .filter(([, keywords]) => keywords.some((word) => text.toLowerCase().includes(word.toLowerCase())))
      .map(([name]) => ({ name, type: 'DENY', action: 'BLOCKED', detected: true }));
    const email = EMAIL.exec(text)?.[0];
    const usage = { topicPolicyUnits: 1, contentPolicyUnits: 1, sensitiveInformationPolicyUnits: 1 };
    if (topics.length > 0) {
      return {
        usage,
        action: 'GUARDRAIL_INTERVENED',
        actionReason: 'Guardrail blocked.',
        outputs: [{ text: 'Sorry, I can only help with your orders.' }],
        assessments: [{ topicPolicy: { topics } }],
      };
    }
    if (email !== undefined) {
      return {
        usage,
        action: 'GUARDRAIL_INTERVENED',
        actionReason: 'Guardrail masked.',
        outputs: [{ text: text.replace(email, '{EMAIL}') }],
        assessments: [
          {
            sensitiveInformationPolicy: {
              piiEntities: [{ match: email, type: 'EMAIL', action: 'ANONYMIZED', detected: true }],
              regexes: [],
            },
          },
        ],
      };
    }
    return { usage, action: 'NONE', outputs: [], assessments: [{}] };
  }
}
