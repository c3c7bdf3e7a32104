export type { Item } from './attribute-value';
export { fromAttributeValue, marshallItem, toAttributeValue, unmarshallItem } from './attribute-value';
export type { DynamoDbClientOptions } from './dynamodb-client';
export { createDynamoDbClient } from './dynamodb-client';
export type { DynamoDbOrderRepositoryOptions } from './dynamodb-order-repository';
export { DynamoDbOrderRepository } from './dynamodb-order-repository';
export {
  ConditionalCheckFailedError,
  DynamoDbCallError,
  DynamoDbDeadlineError,
  InvalidOrderItemError,
  OrderStoreError,
} from './errors';
export type { DynamoDbItemClient, ItemCallOptions } from './item-client';
export { toOrder } from './order-item';
