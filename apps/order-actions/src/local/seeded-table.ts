import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalDynamoDb } from '@order-agent/local-aws';
import { fixtureOrders, fixturesNow } from './fixtures';
import { createOrdersTable, seedOrders } from './orders-table';

/** An in-memory DynamoDB on loopback holding the orders table, seeded with the sample orders. */
export interface SeededOrdersTable {
  /** The variables that point the handler (and the SDK inside it) at the table. */
  readonly environment: Readonly<Record<string, string>>;
  /** dynalite's URL on loopback. */
  readonly endpoint: string;
  readonly tableName: string;
  readonly orderCount: number;
  stop(): Promise<void>;
}

export interface SeededOrdersTableOptions {
  readonly tableName: string;
  /**
   * Port to listen on; a taken port fails with EADDRINUSE.
   * @default 0 (a free port chosen by the operating system)
   */
  readonly port?: number;
  /**
   * The moment the fixtures' dates are moved to.
   * @default fixturesNow() ($ORDER_AGENT_NOW, else the clock)
   */
  readonly now?: Date;
}

/** Starts dynalite, creates the orders table and loads the fixtures (dates moved to now). */
export async function startSeededOrdersTable(options: SeededOrdersTableOptions): Promise<SeededOrdersTable> {
  const db = await startLocalDynamoDb(options.port === undefined ? {} : { port: options.port });
  // dynalite checks no signature, but the SDK signs every request: any credentials do.
  const environment = {
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    ORDERS_TABLE: options.tableName,
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
    await createOrdersTable(client, options.tableName);
    const orderCount = await seedOrders(
      client,
      options.tableName,
      fixtureOrders(options.now ?? fixturesNow()),
    );
    return {
      environment,
      endpoint: db.endpoint,
      tableName: options.tableName,
      orderCount,
      stop: () => db.stop(),
    };
  } catch (error) {
    await db.stop();
    throw error;
  } finally {
    client.destroy();
  }
}
