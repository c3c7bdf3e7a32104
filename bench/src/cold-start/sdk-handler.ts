import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createOrderActionsHandler } from '@order-agent/order-actions';
import { OrderService } from '@order-agent/order-actions/domain';
import { DynamoDbOrderRepository } from '@order-agent/order-actions/store';
import { SdkItemClient } from './sdk-item-client';

/**
 * The order-actions handler with `@aws-sdk/client-dynamodb` under the repository instead of the Lambda's own
 * client, configured as the Lambda's was (1 s connection and request timeouts, 3 attempts): the cold-start suite
 * bundles this entry with apps/order-actions/build.mjs's esbuild options as "the SDK build".
 */
export const handler = createOrderActionsHandler({
  orderService: () =>
    new OrderService({
      repository: new DynamoDbOrderRepository({
        client: new SdkItemClient(
          new DynamoDBClient({
            maxAttempts: 3,
            requestHandler: { connectionTimeout: 1000, requestTimeout: 1000, throwOnRequestTimeout: true },
          }),
        ),
        tableName: process.env.ORDERS_TABLE ?? '',
      }),
    }),
});
