import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type LocalDynamoDb, startLocalDynamoDb } from '@order-agent/test-support';
import { createOrdersTable, seedOrders } from './orders-table';

/**
 * `npm run dev`: an in-memory DynamoDB (dynalite) on loopback with the orders table seeded from the fixtures,
 * running until Ctrl-C. Prints the environment that points the handler (or the `order-agent action` command) at it.
 * Options: --port (default 8000, a free port if taken), --table (default $ORDERS_TABLE or "orders").
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, table: { type: 'string' } } });
  const tableName = values.table ?? process.env.ORDERS_TABLE ?? 'orders';
  const db = await startOnPreferredPort(Number(values.port ?? 8000));
  // dynalite checks no signature, but the SDK signs every request: any credentials do.
  const env = {
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    ORDERS_TABLE: tableName,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  const client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: env.AWS_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  });
  await createOrdersTable(client, tableName);
  const count = await seedOrders(client, tableName);
  client.destroy();

  console.log(`Local DynamoDB (dynalite, in memory) at ${db.endpoint}`);
  console.log(
    `Table "${tableName}" seeded with ${count} sample orders (fixtures/orders.json, dates moved to now).`,
  );
  console.log('\nPoint the handler or `order-agent action` at it from another shell:\n');
  console.log(
    `export ${Object.entries(env)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  );
  console.log('\nPress Ctrl-C to stop (the data is not kept).');

  const stop = async (): Promise<void> => {
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function startOnPreferredPort(port: number): Promise<LocalDynamoDb> {
  try {
    return await startLocalDynamoDb({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is taken; using a free port instead.`);
    return startLocalDynamoDb();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
