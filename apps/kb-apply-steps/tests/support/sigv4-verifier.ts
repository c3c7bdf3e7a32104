import { createHash, createHmac } from 'node:crypto';
import type { RecordedRequest } from './local-collection';

/** What a verified SigV4 `authorization` header said. */
export interface VerifiedSignature {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/**
 * Recomputes a request's SigV4 signature from what arrived on the wire, independently of the signer under test
 * (AWS Signature Version 4 spec: canonical request, string to sign, derived key), and throws on any mismatch.
 */
export function verifySigV4(request: RecordedRequest, secretAccessKey: string): VerifiedSignature {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? AUTHORIZATION.exec(header) : null;
  if (!match) throw new Error(`malformed authorization header: ${String(header)}`);
  const [, accessKeyId, date, region, service, signedHeaderList, signature] = match as unknown as string[];
  const signedHeaders = (signedHeaderList as string).split(';');

  const amzDate = String(request.headers['x-amz-date']);
  // The hash of the body that arrived; a client that also sends it in x-amz-content-sha256 must send that hash.
  const payloadHash = sha256Hex(request.body);
  const declared = request.headers['x-amz-content-sha256'];
  if (declared !== undefined && declared !== payloadHash) {
    throw new Error(`x-amz-content-sha256 is not the hash of the body of ${request.method} ${request.path}`);
  }
  const [path, query = ''] = request.path.split('?');
  const canonicalRequest = [
    request.method,
    path,
    query,
    ...signedHeaders.map(
      (name) =>
        `${name}:${String(request.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}`,
    ),
    '',
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = Buffer.from(`AWS4${secretAccessKey}`);
  for (const part of [date, region, service, 'aws4_request']) key = hmac(key, part as string);
  const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
  if (expected !== signature) throw new Error(`signature mismatch for ${request.method} ${request.path}`);
  return {
    accessKeyId: accessKeyId as string,
    date: date as string,
    region: region as string,
    service: service as string,
    signedHeaders,
  };
}

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
