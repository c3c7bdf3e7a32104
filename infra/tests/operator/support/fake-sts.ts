import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
  /**
   * Roles the caller may assume (AssumeRole), by ARN; each session's credentials then answer GetCallerIdentity
   * with the role's account. Any other role gets AccessDenied, as STS answers when the trust policy refuses.
   * @default none
   */
  readonly assumableRoles?: readonly string[];
}

export interface FakeSts {
  readonly url: string;
  /** The requests received, as `<method> <body>`. */
  readonly requests: string[];
  stop(): Promise<void>;
}

/** One access key the stand-in accepts, and the identity it belongs to. */
interface KnownKey {
  readonly signer: SignatureV4;
  readonly account: string;
  readonly arn: string;
}

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/**
 * A loopback stand-in for STS's query protocol: answers GetCallerIdentity and AssumeRole with XML, after checking
 * the SigV4 signature the way STS does (re-signing the signed headers with the key's secret, and session token for
 * assumed-role keys), else 403 with an XML error.
 */
export async function startFakeSts(options: FakeStsOptions): Promise<FakeSts> {
  const requests: string[] = [];
  const keys = new Map<string, KnownKey>();
  const addKey = (credentials: ConstructorParameters<typeof SignatureV4>[0]['credentials'], arn: string) => {
    const { accessKeyId } = credentials as { accessKeyId: string };
    const signer = new SignatureV4({ service: 'sts', region: options.region, credentials, sha256: Sha256 });
    keys.set(accessKeyId, { signer, arn, account: arn.split(':')[4] ?? '' });
  };
  addKey(
    { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    `arn:aws:iam::${options.account}:user/platform`,
  );
  const fail = (response: ServerResponse, code: string, message: string) => {
    response.statusCode = 403;
    response.end(
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error></ErrorResponse>`,
    );
  };
  const server: Server = createServer((request, response) => {
    readBody(request).then(
      async (body) => {
        requests.push(`${request.method} ${body}`);
        const key = await signingKey(keys, request, body);
        response.setHeader('content-type', 'text/xml');
        if (key === undefined) {
          fail(response, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
          return;
        }
        const params = new URLSearchParams(body);
        if (params.get('Action') !== 'AssumeRole') {
          response.end(
            `<GetCallerIdentityResponse xmlns="${XMLNS}"><GetCallerIdentityResult><Arn>${key.arn}</Arn>` +
              `<UserId>AIDAEXAMPLE</UserId><Account>${key.account}</Account></GetCallerIdentityResult>` +
              '</GetCallerIdentityResponse>',
          );
          return;
        }
        const roleArn = params.get('RoleArn') ?? '';
        if (!(options.assumableRoles ?? []).includes(roleArn)) {
          fail(
            response,
            'AccessDenied',
            `User: ${key.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          );
          return;
        }
        const session = {
          accessKeyId: `ASIA${keys.size}EXAMPLE`,
          secretAccessKey: `assumed-secret-${keys.size}`,
          sessionToken: `assumed-token-${keys.size}`,
        };
        const [, , , , account, resource] = roleArn.split(':');
        const sessionArn = `arn:aws:sts::${account}:assumed-${resource}/${params.get('RoleSessionName')}`;
        addKey(session, sessionArn);
        response.end(
          `<AssumeRoleResponse xmlns="${XMLNS}"><AssumeRoleResult><Credentials>` +
            `<AccessKeyId>${session.accessKeyId}</AccessKeyId><SecretAccessKey>${session.secretAccessKey}</SecretAccessKey>` +
            `<SessionToken>${session.sessionToken}</SessionToken><Expiration>${new Date(Date.now() + 900_000).toISOString()}</Expiration>` +
            `</Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:session</AssumedRoleId><Arn>${sessionArn}</Arn>` +
            '</AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>',
        );
      },
      () => response.destroy(),
    );
  });
  const { endpoint, stop } = await listenOnLoopback(server);
  return { url: endpoint, requests, stop };
}

/** The known key that signed the request, if its signature is valid. */
async function signingKey(
  keys: ReadonlyMap<string, KnownKey>,
  request: IncomingMessage,
  body: string,
): Promise<KnownKey | undefined> {
  const authorization = request.headers.authorization ?? '';
  const key = keys.get(/Credential=([^/]+)\//.exec(authorization)?.[1] ?? '');
  if (key === undefined) return undefined;
  return (await signatureIsValid(key.signer, request, body)) ? key : undefined;
}

async function signatureIsValid(
  signer: SignatureV4,
  request: IncomingMessage,
  body: string,
): Promise<boolean> {
  const authorization = request.headers.authorization ?? '';
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const amzDate = request.headers['x-amz-date'];
  if (typeof amzDate !== 'string') return false;
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
