export { ActionRouter } from './action-router';
export { createLogger } from './create-logger';
export {
  ActionError,
  type ActionErrorOptions,
  ActionHandlerError,
  BadRequestError,
  ConflictError,
  ContractError,
  ErrorCode,
  HttpStatus,
  InvalidParameterError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnprocessableEntityError,
} from './errors';
export { listOperations } from './routes/list-operations';
export type {
  BedrockAgentEvent,
  BedrockAgentEventBase,
  BedrockAgentInfo,
  BedrockAgentParameter,
  BedrockAgentRequestBody,
  FunctionActionEvent,
  LambdaContextLike,
  OpenApiActionEvent,
} from './types/events';
export type {
  FunctionDefinition,
  FunctionParameterDefinition,
  FunctionParameterType,
  FunctionSchema,
} from './types/function-schema';
export type { ParameterIssue } from './types/issues';
export type {
  ComponentsObject,
  MediaTypeObject,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  RequestBodyObject,
  SchemaObject,
} from './types/openapi';
export type { OperationInfo, OperationInput, OperationParameter } from './types/operations';
export type {
  BedrockAgentResponse,
  BedrockAgentResponseBase,
  FunctionActionResponse,
  FunctionResponseState,
  OpenApiActionResponse,
} from './types/responses';
export type {
  ActionRequest,
  ActionResult,
  ActionRouterOptions,
  OperationHandler,
  OperationHandlers,
  OperationMap,
  OperationShape,
  UntypedOperations,
} from './types/router';
