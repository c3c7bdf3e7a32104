export type { LocalDynamoDb, LocalDynamoDbOptions } from './local-dynamodb';
export { startLocalDynamoDb } from './local-dynamodb';
export type { LoopbackServer } from './loopback-server';
export { listenOnLoopback } from './loopback-server';
