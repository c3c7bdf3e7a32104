import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createOrdersTable, seedOrders } from './orders-table';

/**
 * `npm run seed -- [--table NAME]`: creates the orders table if absent and loads the fixtures (dates moved to
 * now) into it. The endpoint, region and credentials are the SDK's standard configuration, so the same command
 * seeds DynamoDB Local, dynalite (`AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000`) or a real table.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { table: { type: 'string' } } });
  const tableName = values.table ?? process.env.ORDERS_TABLE;
  if (!tableName) throw new Error('Name the table with --table NAME or ORDERS_TABLE.');
  const client = new DynamoDBClient({});
  await createOrdersTable(client, tableName);
  const count = await seedOrders(client, tableName);
  client.destroy();
  const where =
    process.env.AWS_ENDPOINT_URL_DYNAMODB ?? process.env.AWS_ENDPOINT_URL ?? 'the default endpoint';
  console.log(`Seeded ${count} orders into "${tableName}" at ${where}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
