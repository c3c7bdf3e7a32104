export type { Item } from './attribute-value';
export { fromAttributeValue, marshallItem, toAttributeValue, unmarshallItem } from './attribute-value';
export type { DynamoDbClientTimeouts } from './dynamodb-client';
export { createDynamoDbClient } from './dynamodb-client';
export type { DynamoDbOrderRepositoryOptions } from './dynamodb-order-repository';
export { DynamoDbOrderRepository } from './dynamodb-order-repository';
export { InvalidOrderItemError, OrderStoreError } from './errors';
export { toOrder } from './order-item';
