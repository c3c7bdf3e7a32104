import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './node-sha256';
import type { CredentialSource, HttpAnswer, HttpMethod } from './types';

/** Options for {@link SignedHttpClient}. */
export interface SignedHttpClientProps {
  /** Service endpoint (origin only): a collection's, or the Bedrock Agent API's. */
  readonly endpoint: URL;
  /** Signing region. */
  readonly region: string;
  readonly credentials: CredentialSource;
  /**
   * Signing service name.
   * @default 'aoss' (OpenSearch Serverless)
   */
  readonly service?: string;
  /**
   * Time allowed for one request, connect to last byte.
   * @default 10000
   */
  readonly requestTimeoutMs?: number;
}

/** Sends SigV4-signed JSON requests to one endpoint: an OpenSearch Serverless collection, or an AWS API. */
export class SignedHttpClient {
  private readonly signer: SignatureV4;
  private readonly requestTimeoutMs: number;

  constructor(private readonly props: SignedHttpClientProps) {
    this.requestTimeoutMs = props.requestTimeoutMs ?? 10_000;
    this.signer = new SignatureV4({
      service: props.service ?? 'aoss',
      region: props.region,
      credentials: props.credentials,
      sha256: NodeSha256,
      // OpenSearch Serverless requires x-amz-content-sha256 on every request, bodiless ones included.
      applyChecksum: true,
    });
  }

  /** Sends one request; resolves with any HTTP answer, rejects only when no answer arrives. */
  async send(method: HttpMethod, path: string, body?: unknown): Promise<HttpAnswer> {
    const { endpoint } = this.props;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { host: endpoint.host };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const signed = await this.signer.sign({
      method,
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port === '' ? undefined : Number(endpoint.port),
      path,
      query: {},
      headers,
      body: payload ?? '',
    });
    return this.transmit(method, path, signed.headers, payload);
  }

  private transmit(
    method: HttpMethod,
    path: string,
    headers: Record<string, string>,
    payload: string | undefined,
  ): Promise<HttpAnswer> {
    const { endpoint } = this.props;
    const send = endpoint.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        {
          method,
          hostname: endpoint.hostname.replace(/^\[|\]$/g, ''),
          port: endpoint.port || undefined,
          path,
          headers,
          timeout: this.requestTimeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const errorType = res.headers['x-amzn-errortype'];
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ...(typeof errorType === 'string' ? { errorType } : {}),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.requestTimeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}
