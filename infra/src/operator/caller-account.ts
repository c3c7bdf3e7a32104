import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
  type STSClientConfig,
} from '@aws-sdk/client-sts';
import { CallerIdentityError } from '../errors';

/** A role the provider assumes (`access.mode: assume-role`), and the session name to assume it under. */
export interface AssumedRole {
  readonly roleArn: string;
  readonly sessionName: string;
}

export interface CallerAccountOptions {
  /** The region whose STS endpoint answers (the environment's). */
  readonly region: string;
  /**
   * Assume this role with the caller's credentials and answer the account of the assumed identity (the one the
   * provider's `allowed_account_ids` checks in mode assume-role).
   * @default none: the account of the caller's own credentials
   */
  readonly assumeRole?: AssumedRole | undefined;
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

/**
 * The account the caller's credentials belong to: STS GetCallerIdentity, which needs no permission. With
 * `assumeRole`, the account of the assumed role's session: AssumeRole, then GetCallerIdentity with its
 * credentials.
 */
export async function callerAccount(options: CallerAccountOptions): Promise<string> {
  const env = options.env ?? process.env;
  const endpoint = env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const where = endpoint ?? `STS in ${options.region}`;
  const stsClient = (credentials: STSClientConfig['credentials']) =>
    new STSClient({
      region: options.region,
      ...(endpoint ? { endpoint } : {}),
      ...(credentials === undefined ? {} : { credentials }),
      maxAttempts: 2,
      requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs },
    });
  const client = stsClient(options.credentials);
  try {
    const caller = await identity(client, where);
    if (options.assumeRole === undefined) return caller.account;
    const { roleArn, sessionName } = options.assumeRole;
    let assumed: STSClient;
    try {
      const { Credentials: credentials } = await client.send(
        new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: 900 }),
      );
      if (credentials?.AccessKeyId === undefined || credentials.SecretAccessKey === undefined)
        throw new Error('STS AssumeRole answered without credentials');
      assumed = stsClient({
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
      });
    } catch (error) {
      throw new CallerIdentityError(
        `${caller.arn} could not assume ${roleArn}: ${describeFailure(error, where, 'AssumeRole').message}`,
        { cause: error },
      );
    }
    try {
      return (await identity(assumed, where)).account;
    } finally {
      assumed.destroy();
    }
  } finally {
    client.destroy();
  }
}

async function identity(client: STSClient, where: string): Promise<{ account: string; arn: string }> {
  try {
    const { Account: account, Arn: arn } = await client.send(new GetCallerIdentityCommand({}));
    if (account === undefined)
      throw new CallerIdentityError('STS GetCallerIdentity answered without an account');
    return { account, arn: arn ?? `an identity of account ${account}` };
  } catch (error) {
    throw describeFailure(error, where, 'GetCallerIdentity');
  }
}

function describeFailure(error: unknown, where: string, action: string): CallerIdentityError {
  if (error instanceof CallerIdentityError) return error;
  const { name, message, $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
  const line = String(message).split('\n')[0];
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new CallerIdentityError(`no AWS credentials found (${line})`, { cause: error });
  }
  if ($metadata?.httpStatusCode !== undefined) {
    return new CallerIdentityError(
      `STS ${action} failed: HTTP ${$metadata.httpStatusCode} ${name}: ${line}`,
      { cause: error },
    );
  }
  return new CallerIdentityError(`STS at ${where} did not answer (${line})`, { cause: error });
}
