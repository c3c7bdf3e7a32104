export type { LocalDynamoDb, LocalDynamoDbOptions } from './local-dynamodb';
export { startLocalDynamoDb } from './local-dynamodb';
