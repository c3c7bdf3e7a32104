export type { LocalDynamoDb, LocalDynamoDbOptions } from './local-dynamodb';
export { startLocalDynamoDb } from './local-dynamodb';
export { dynamoDbEndpointFrom, isLocalEndpoint } from './local-endpoint';
export type { SupervisedService } from './local-service';
export { pidfilePath, superviseLocalService } from './local-service';
export { parseToolArgs, portFlag, runTool, ToolError, ToolExit } from './local-tool';
export type { LoopbackServer } from './loopback-server';
export { listenOnLoopback } from './loopback-server';
