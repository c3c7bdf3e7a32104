import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalDynamoDb } from '@order-agent/local-aws';
import type { Order } from '@order-agent/order-actions/domain';
import { createOrdersTable, fixtureOrders, seedOrders } from '@order-agent/order-actions/local';
import { BENCH_CUSTOMER_ID } from './bench-customer';

/** Any credentials do for dynalite; the SDK only needs something to sign with. */
const LOCAL_AWS = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

export interface LocalOrdersTable {
  readonly endpoint: string;
  readonly tableName: string;
  /** The environment a handler (in this process or a child) needs to use the table. */
  readonly env: Readonly<Record<string, string>>;
  /** A client of the bench's own, for baselines. */
  readonly client: DynamoDBClient;
  /** Seeded order ids by what can be done with them. */
  readonly orderIds: {
    readonly all: readonly string[];
    /** DELIVERED inside the return window (a return succeeds, then answers the same return). */
    readonly returnable: readonly string[];
    /** PLACED (the address can change). */
    readonly placed: readonly string[];
  };
  stop(): Promise<void>;
}

/**
 * dynalite on a free loopback port in this process, with the orders table created and seeded: the fixtures, plus
 * `copies` clones of them under other ids (`ORD-<k>1001`...), so concurrent callers spread over many items.
 */
export async function startLocalOrdersTable(copies: number): Promise<LocalOrdersTable> {
  const db = await startLocalDynamoDb();
  const tableName = 'orders-bench';
  const client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: LOCAL_AWS.AWS_REGION,
    credentials: {
      accessKeyId: LOCAL_AWS.AWS_ACCESS_KEY_ID,
      secretAccessKey: LOCAL_AWS.AWS_SECRET_ACCESS_KEY,
    },
  });
  await createOrdersTable(client, tableName);
  // Every order is the bench customer's, so each event acts as the owner, as a real customer's requests do.
  const fixtures = fixtureOrders().map((order) => ({ ...order, customerId: BENCH_CUSTOMER_ID }));
  const orders: Order[] = [...fixtures];
  for (let k = 2; k < copies + 2; k++) {
    for (const order of fixtures) orders.push({ ...order, orderId: `ORD-${k}${order.orderId.slice(4)}` });
  }
  await seedOrders(client, tableName, orders);
  const now = Date.now();
  const returnWindowMs = 30 * 24 * 60 * 60 * 1000;
  return {
    endpoint: db.endpoint,
    tableName,
    env: {
      ...LOCAL_AWS,
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      ORDERS_TABLE: tableName,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    client,
    orderIds: {
      all: orders.map((order) => order.orderId),
      returnable: orders
        .filter(
          (order) =>
            order.status === 'DELIVERED' &&
            !order.return &&
            Date.parse(order.deliveredAt ?? '') + returnWindowMs > now + 60_000,
        )
        .map((order) => order.orderId),
      placed: orders.filter((order) => order.status === 'PLACED').map((order) => order.orderId),
    },
    async stop() {
      client.destroy();
      await db.stop();
    },
  };
}
