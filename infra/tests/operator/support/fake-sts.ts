import { createServer, type IncomingMessage, type Server } from 'node:http';
import { listenOnLoopback } from '@order-agent/local-aws';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

export interface FakeStsOptions {
  /** The account GetCallerIdentity answers with. */
  readonly account: string;
  /** The secret of the one access key the stand-in knows; requests signed otherwise get InvalidClientTokenId. */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

export interface FakeSts {
  readonly url: string;
  /** The requests received, as `<method> <body>`. */
  readonly requests: string[];
  stop(): Promise<void>;
}

/**
 * A loopback stand-in for STS's query protocol: answers GetCallerIdentity with XML, after checking the SigV4
 * signature the way STS does (re-signing the signed headers with the known secret), else 403 with an XML error.
 */
export async function startFakeSts(options: FakeStsOptions): Promise<FakeSts> {
  const requests: string[] = [];
  const signer = new SignatureV4({
    service: 'sts',
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    sha256: Sha256,
  });
  const server: Server = createServer((request, response) => {
    readBody(request).then(
      async (body) => {
        requests.push(`${request.method} ${body}`);
        const valid = await signatureIsValid(signer, request, body, options.accessKeyId);
        response.setHeader('content-type', 'text/xml');
        if (!valid) {
          response.statusCode = 403;
          response.end(
            '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>' +
              '<Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>',
          );
          return;
        }
        response.end(
          '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
            `<Arn>arn:aws:iam::${options.account}:user/platform</Arn><UserId>AIDAEXAMPLE</UserId>` +
            `<Account>${options.account}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
        );
      },
      () => response.destroy(),
    );
  });
  const { endpoint, stop } = await listenOnLoopback(server);
  return { url: endpoint, requests, stop };
}

async function signatureIsValid(
  signer: SignatureV4,
  request: IncomingMessage,
  body: string,
  accessKeyId: string,
): Promise<boolean> {
  const authorization = request.headers.authorization ?? '';
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const amzDate = request.headers['x-amz-date'];
  if (!authorization.includes(`Credential=${accessKeyId}/`) || typeof amzDate !== 'string') return false;
  const headers = Object.fromEntries(
    signedHeaders.map((name) => [name, String(request.headers[name] ?? '')]),
  );
  const [host, port] = (request.headers.host ?? '').split(':');
  const resigned = await signer.sign(
    {
      method: request.method ?? 'POST',
      protocol: 'http:',
      hostname: host ?? '',
      ...(port === undefined ? {} : { port: Number(port) }),
      path: request.url ?? '/',
      query: {},
      headers,
      body,
    },
    { signingDate: parseAmzDate(amzDate) },
  );
  return resigned.headers.authorization === authorization;
}

function parseAmzDate(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (match === null) return new Date(Number.NaN);
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
