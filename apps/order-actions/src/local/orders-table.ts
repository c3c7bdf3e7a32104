import {
  BatchWriteItemCommand,
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  type WriteRequest,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { Order } from '../domain';
import { marshallItem } from '../store/attribute-value';
import { fixtureOrders, fixturesNow } from './fixtures';

/**
 * Creates the orders table (partition key `orderId` of type S, no sort key, on-demand) unless it exists, and
 * waits until it is ACTIVE. Works against DynamoDB and any endpoint speaking its protocol.
 */
export async function createOrdersTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, minDelay: 1, maxWaitTime: 120 }, { TableName: tableName });
}

/**
 * Writes `orders` (default: the fixtures rebased to {@link fixturesNow}, see {@link fixtureOrders}) as they are, replacing
 * items with the same orderId. Answers how many were written.
 */
export async function seedOrders(
  client: DynamoDBClient,
  tableName: string,
  orders: readonly Order[] = fixtureOrders(fixturesNow()),
): Promise<number> {
  for (let start = 0; start < orders.length; start += 25) {
    let pending: WriteRequest[] = orders
      .slice(start, start + 25)
      .map((order) => ({ PutRequest: { Item: marshallItem(order as unknown as Record<string, unknown>) } }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`seeding ${tableName}: ${pending.length} orders were never processed`);
      const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      pending = output.UnprocessedItems?.[tableName] ?? [];
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
  return orders.length;
}
