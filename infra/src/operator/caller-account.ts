import { GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { CallerIdentityError } from '../errors';

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
   * @default the SDK's default chain (environment, SSO, profiles, web identity, container, instance), the same
   * sources terraform's provider reads
   */
  readonly credentials?: STSClientConfig['credentials'];
  /** @default 10000 */
  readonly timeoutMs?: number;
}

/** The account the caller's credentials belong to: STS GetCallerIdentity, which needs no permission. */
export async function callerAccount(options: CallerAccountOptions): Promise<string> {
  const env = options.env ?? process.env;
  const endpoint = env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = new STSClient({
    region: options.region,
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    maxAttempts: 2,
    requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs },
  });
  try {
    const { Account: account } = await client.send(new GetCallerIdentityCommand({}));
    if (account === undefined)
      throw new CallerIdentityError('STS GetCallerIdentity answered without an account');
    return account;
  } catch (error) {
    throw describeFailure(error, endpoint ?? `STS in ${options.region}`);
  } finally {
    client.destroy();
  }
}

function describeFailure(error: unknown, where: string): CallerIdentityError {
  if (error instanceof CallerIdentityError) return error;
  const { name, message, $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
  const line = String(message).split('\n')[0];
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new CallerIdentityError(`no AWS credentials found (${line})`, { cause: error });
  }
  if ($metadata?.httpStatusCode !== undefined) {
    return new CallerIdentityError(
      `STS GetCallerIdentity failed: HTTP ${$metadata.httpStatusCode} ${name}: ${line}`,
      { cause: error },
    );
  }
  return new CallerIdentityError(`STS at ${where} did not answer (${line})`, { cause: error });
}
