import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalDynamoDb } from '@order-agent/local-aws';
import type { Order } from '../../../src/domain';
import { createOrdersTable, fixtureOrders, seedOrders } from '../../../src/local';
import { rememberOwner } from './bedrock-events';

/** Any credentials do for dynalite; the SDK only needs something to sign with. */
export const LOCAL_AWS_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

export interface TestOrdersTable {
  readonly endpoint: string;
  readonly tableName: string;
  /** A client of its own (not the handler's), for arranging and inspecting items. */
  readonly client: DynamoDBClient;
  /** The orders as seeded. */
  readonly orders: readonly Order[];
  stop(): Promise<void>;
}

/** dynalite on a free loopback port with the orders table created and (by default) the fixtures loaded. */
export async function startOrdersTable(
  options: { readonly tableName?: string; readonly orders?: readonly Order[] } = {},
): Promise<TestOrdersTable> {
  const db = await startLocalDynamoDb();
  const tableName = options.tableName ?? 'orders-test';
  const client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: {
      accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID,
      secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY,
    },
  });
  await createOrdersTable(client, tableName);
  const orders = options.orders ?? fixtureOrders();
  await seedOrders(client, tableName, orders);
  for (const order of orders) rememberOwner(order);
  return {
    endpoint: db.endpoint,
    tableName,
    client,
    orders,
    async stop() {
      client.destroy();
      await db.stop();
    },
  };
}

/** Points the SDK's standard configuration (and so the handler) at `table`. */
export function useTableFromEnvironment(table: Pick<TestOrdersTable, 'endpoint' | 'tableName'>): void {
  Object.assign(process.env, LOCAL_AWS_ENV, {
    AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    ORDERS_TABLE: table.tableName,
  });
}
