/** An in-memory orders table for one `action --local` run. */
export interface LocalOrdersTable {
  /** What points the order-actions handler (and the SDK inside it) at the table. */
  readonly environment: Record<string, string>;
  readonly orderCount: number;
  stop(): Promise<void>;
}

/**
 * Starts dynalite on loopback, creates the orders table and seeds the sample orders. Everything is imported
 * here, on demand, so commands that never run locally do not load dynalite.
 */
export async function startLocalOrdersTable(tableName: string): Promise<LocalOrdersTable> {
  const [{ startLocalDynamoDb }, { DynamoDBClient }, { createOrdersTable, seedOrders }] = await Promise.all([
    import('@order-agent/test-support'),
    import('@aws-sdk/client-dynamodb'),
    import('@order-agent/order-actions/local'),
  ]);
  const db = await startLocalDynamoDb();
  // dynalite checks no signature; the SDK still signs, so any credentials do.
  const environment = {
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    ORDERS_TABLE: tableName,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  const client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: environment.AWS_REGION,
    credentials: {
      accessKeyId: environment.AWS_ACCESS_KEY_ID,
      secretAccessKey: environment.AWS_SECRET_ACCESS_KEY,
    },
  });
  try {
    await createOrdersTable(client, tableName);
    const orderCount = await seedOrders(client, tableName);
    return { environment, orderCount, stop: () => db.stop() };
  } catch (error) {
    await db.stop();
    throw error;
  } finally {
    client.destroy();
  }
}

/**
 * Runs `work` with these variables set in the process environment, then puts back what was there. The handler
 * and the AWS SDK read their settings from process.env, so this is how a one-shot local run configures them.
 */
export async function withProcessEnv<T>(
  variables: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  const saved = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, variables);
  try {
    return await work();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
