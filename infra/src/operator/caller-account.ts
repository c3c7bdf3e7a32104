import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { CallerIdentityError } from '../errors';
import { partitionOf } from '../iam';
import { NodeSha256 } from './node-sha256';

/** AWS credentials as the SDK's providers resolve them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface CallerAccountOptions {
  /** The region whose STS endpoint answers (the environment's). */
  readonly region: string;
  /**
   * Where AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL are read (the SDK's and the Terraform provider's endpoint
   * overrides).
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The credentials to sign with.
   * @default the SDK's default chain (environment, SSO, profiles, web identity, container, instance)
   */
  readonly credentials?: () => Promise<AwsCredentials>;
  /** @default 10000 */
  readonly timeoutMs?: number;
}

const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

/**
 * The account the caller's credentials belong to: STS GetCallerIdentity (needs no permission), signed with the
 * SDK's SigV4 signer and its default credential chain (the same sources terraform's provider reads).
 */
export async function callerAccount(options: CallerAccountOptions): Promise<string> {
  const env = options.env ?? process.env;
  const endpoint = new URL(stsEndpoint(options.region, env));
  let credentials: AwsCredentials;
  try {
    credentials = await (options.credentials ?? defaultProvider())();
  } catch (error) {
    throw new CallerIdentityError(`no AWS credentials found (${firstLine(error)})`, { cause: error });
  }
  const signer = new SignatureV4({ service: 'sts', region: options.region, credentials, sha256: NodeSha256 });
  const headers = {
    host: endpoint.host,
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    'content-length': String(Buffer.byteLength(BODY)),
  };
  const path = endpoint.pathname || '/';
  const signed = await signer.sign({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port === '' ? {} : { port: Number(endpoint.port) }),
    path,
    query: {},
    headers,
    body: BODY,
  });
  let answer: { status: number; body: string };
  try {
    answer = await post(endpoint, path, signed.headers, options.timeoutMs ?? 10_000);
  } catch (error) {
    throw new CallerIdentityError(`STS at ${endpoint.origin} did not answer (${firstLine(error)})`, {
      cause: error,
    });
  }
  const account = /<Account>\s*(\d{12})\s*<\/Account>/.exec(answer.body)?.[1];
  if (answer.status === 200 && account !== undefined) return account;
  const code = /<Code>([^<]*)<\/Code>/.exec(answer.body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(answer.body)?.[1];
  throw new CallerIdentityError(
    `STS GetCallerIdentity failed: HTTP ${answer.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`,
  );
}

/** The STS endpoint: the configured override, else the region's own endpoint in its partition. */
export function stsEndpoint(region: string, env: NodeJS.ProcessEnv): string {
  const override = env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL;
  if (override) return override;
  const suffix = partitionOf(region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sts.${region}.${suffix}`;
}

function post(
  endpoint: URL,
  path: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  const send = endpoint.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      {
        method: 'POST',
        hostname: endpoint.hostname.replace(/^\[|\]$/g, ''),
        port: endpoint.port || undefined,
        path,
        headers,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(BODY);
  });
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}
