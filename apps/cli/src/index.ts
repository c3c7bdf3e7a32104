export { AgentInvoker } from './agent/agent-invoker';
export { TurnRecorder } from './agent/turn-recorder';
export { commands } from './commands';
export { readDeployOutputs, selectStack } from './config/deploy-outputs';
export { AgentServiceError, CliError, ConfigError, ErrorKind, ExitCode, UsageError } from './errors';
export { processIo } from './io';
export { main } from './main';
export { OperationCatalog } from './schema/operation-catalog';
export type * from './types';
