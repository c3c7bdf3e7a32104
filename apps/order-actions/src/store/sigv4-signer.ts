import { createHash, createHmac } from 'node:crypto';

/** The credentials a request is signed with; the Lambda runtime sets all three in its environment. */
export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface SigV4SignerProps {
  /** The signing name of the service, e.g. `dynamodb`. */
  readonly service: string;
  readonly region: string;
  readonly credentials: SigV4Credentials;
}

/** A POST to sign: the body is sent as given, so its hash is the one signed. */
export interface SignablePost {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * Signature Version 4 for the one request shape the DynamoDB client sends: a POST with a body and no query string,
 * signed in the Authorization header, hashed by node:crypto (which TLS loads anyway). Written here rather than taken
 * from `@smithy/signature-v4`, whose first signature took ~3 ms longer (docs/decisions/lambda-dynamodb-client.md);
 * the tests check it against that library and against the request as the server receives it.
 */
export class SigV4Signer {
  private readonly props: SigV4SignerProps;
  /** The signing key depends only on the date (with the secret, region and service): derived once per day. */
  private signingKey: { readonly date: string; readonly key: Buffer } | undefined;

  constructor(props: SigV4SignerProps) {
    this.props = props;
  }

  /**
   * The headers to send: the request's own (names in lower case), plus `host`, `x-amz-date`,
   * `x-amz-security-token` when there is a session token, and `authorization`. Every header is signed.
   */
  sign(request: SignablePost, now: Date = new Date()): Record<string, string> {
    const { url, body } = request;
    if (url.search !== '') throw new Error(`SigV4Signer signs no query string (${url.search})`);
    const { credentials, region, service } = this.props;
    const amzDate = basicIsoDate(now);
    const date = amzDate.slice(0, 8);

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    headers.host = url.host;
    headers['x-amz-date'] = amzDate;
    if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;

    const names = Object.keys(headers).sort();
    const signedHeaders = names.join(';');
    const canonicalRequest = [
      'POST',
      url.pathname,
      '', // the query string
      ...names.map((name) => `${name}:${canonicalValue(headers[name] as string)}`),
      '',
      signedHeaders,
      sha256Hex(body),
    ].join('\n');
    const scope = `${date}/${region}/${service}/aws4_request`;
    const stringToSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    const signature = createHmac('sha256', this.keyFor(date)).update(stringToSign, 'utf8').digest('hex');
    headers.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return headers;
  }

  private keyFor(date: string): Buffer {
    if (this.signingKey?.date !== date) {
      const { credentials, region, service } = this.props;
      let key = hmac(`AWS4${credentials.secretAccessKey}`, date);
      for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
      this.signingKey = { date, key };
    }
    return this.signingKey.key;
  }
}

/** `20261130T074512Z`: the ISO 8601 basic format SigV4 dates are in. */
function basicIsoDate(now: Date): string {
  const iso = now.toISOString(); // 2026-11-30T07:45:12.345Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** A header value as SigV4 signs it: trimmed, each run of whitespace made one space. */
function canonicalValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}
