import { OrderService } from '../domain';
import { createDynamoDbClient, DynamoDbOrderRepository } from '../store';

export interface LocalOrderServiceOptions {
  /** The local DynamoDB's URL, e.g. dynalite's `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly tableName: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /**
   * What requests are signed with (a local endpoint checks no signature, but some keep one database per key).
   * @default AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment, as in the Lambda
   */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

/**
 * The order operations on a local table, for `createOrderActionsHandler({ orderService })`: a one-shot local run
 * (the CLI's `action`) configures the handler through this seam instead of the process environment.
 */
export function localOrderService(options: LocalOrderServiceOptions): OrderService {
  const client = createDynamoDbClient({
    endpoint: options.endpoint,
    region: options.region ?? 'us-east-1',
    ...(options.credentials && { credentials: options.credentials }),
  });
  return new OrderService({
    repository: new DynamoDbOrderRepository({ client, tableName: options.tableName }),
  });
}
