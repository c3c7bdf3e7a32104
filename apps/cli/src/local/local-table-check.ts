import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { isLocalEndpoint } from '@order-agent/local-aws';
import type { LocalOrderServiceOptions } from '@order-agent/order-actions/local';
import { ConfigError, NetworkError } from '../errors';
import { probeConnect } from '../network/connect-probe';

/** How long `action` waits for a local DynamoDB to accept a connection: it is on this machine or nowhere. */
const LOCAL_CONNECT_MS = 2000;

/**
 * Checks, before the handler runs, that the table `action` is about to use is there: the endpoint is local
 * (unless `allowRemote`), something listens on it, and the table exists. Each failure is a configuration
 * error naming the one thing that is wrong, instead of the handler's "503, try again in a few minutes".
 */
export async function checkLocalTable(
  target: LocalOrderServiceOptions,
  allowRemote: boolean,
  profile?: string,
): Promise<void> {
  const { endpoint, tableName: table } = target;
  if (!isLocalEndpoint(endpoint) && !allowRemote) {
    throw new ConfigError(
      `${endpoint} is not a local endpoint; action runs against a local table (npm run dev), or pass --aws to use it anyway`,
    );
  }
  try {
    await probeConnect(endpoint, LOCAL_CONNECT_MS);
  } catch (error) {
    const reason = error instanceof NetworkError ? error.message : String(error);
    throw new ConfigError(`${reason}: is \`npm run dev\` running?`, { cause: error });
  }
  const client = new DynamoDBClient({
    endpoint,
    region: target.region ?? 'us-east-1',
    maxAttempts: 1,
    ...(target.credentials ? { credentials: target.credentials } : profile ? { profile } : {}),
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: table }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    const { TableNames = [] } = await client
      .send(new ListTablesCommand({}))
      .catch(() => ({ TableNames: [] }));
    throw new ConfigError(
      `table "${table}" not found at ${endpoint} (tables: ${TableNames.join(', ') || 'none'}); set ORDERS_TABLE or pass --table`,
    );
  } finally {
    client.destroy();
  }
}

/**
 * The credentials the SDK's default chain finds for `profile` (a profile, SSO, a credential process): the Lambda's
 * own client reads only environment keys, so a local run signed through a profile resolves them here first.
 */
export async function profileCredentials(
  region: string | undefined,
  profile: string | undefined,
): Promise<NonNullable<LocalOrderServiceOptions['credentials']>> {
  const client = new DynamoDBClient({ region: region ?? 'us-east-1', ...(profile && { profile }) });
  try {
    const { accessKeyId, secretAccessKey, sessionToken } = await client.config.credentials();
    return { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) };
  } catch (error) {
    throw new ConfigError(
      `no AWS credentials for profile ${profile ?? '(default)'}: ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  } finally {
    client.destroy();
  }
}
