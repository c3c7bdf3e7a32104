import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { CredentialSource, HttpAnswer, HttpMethod } from './types';

/** Sends one request; resolves with any HTTP answer, rejects only when no answer arrives. */
export type SendRequest = (method: HttpMethod, path: string, body?: unknown) => Promise<HttpAnswer>;

/** Options for {@link createSignedSender}. */
export interface SignedSenderProps {
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
export function createSignedSender(props: SignedSenderProps): SendRequest {
  const { endpoint } = props;
  const requestTimeoutMs = props.requestTimeoutMs ?? 10_000;
  const signer = new SignatureV4({
    service: props.service ?? 'aoss',
    region: props.region,
    credentials: props.credentials,
    sha256: Sha256,
    // OpenSearch Serverless requires x-amz-content-sha256 on every request, bodiless ones included.
    applyChecksum: true,
  });
  return async (method, path, body) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { host: endpoint.host };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const signed = await signer.sign({
      method,
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port === '' ? undefined : Number(endpoint.port),
      path,
      query: {},
      headers,
      body: payload ?? '',
    });
    return transmit(endpoint, requestTimeoutMs, { method, path, headers: signed.headers, payload });
  };
}

/** One signed request on the wire. */
interface SignedRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly payload: string | undefined;
}

function transmit(endpoint: URL, requestTimeoutMs: number, request: SignedRequest): Promise<HttpAnswer> {
  const { method, path, headers, payload } = request;
  const send = endpoint.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        method,
        hostname: endpoint.hostname.replace(/^\[|\]$/g, ''),
        port: endpoint.port || undefined,
        path,
        headers,
        timeout: requestTimeoutMs,
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
    req.on('timeout', () => req.destroy(new Error(`no answer within ${requestTimeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
