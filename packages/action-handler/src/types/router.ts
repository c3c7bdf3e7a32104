import type { Logger } from '@aws-lambda-powertools/logger';
import type { BedrockAgentEvent, LambdaContextLike } from './events';
import type { FunctionSchema } from './function-schema';
import type { OpenApiDocument } from './openapi';

/** The decoded inputs of one operation, as the app declares them. */
export interface OperationShape {
  readonly params?: unknown;
  readonly body?: unknown;
}

/**
 * Constraint for the app's interface of operations, keyed by operationId (or function name):
 * `interface OrderOperations { getOrderStatus: { params: { orderId: string }; body: undefined } }`.
 */
export type OperationMap<Ops> = { readonly [K in keyof Ops]: OperationShape };

/** Used when a router is built without a type argument. */
export type UntypedOperations = Record<string, { params: Record<string, unknown>; body: unknown }>;

/** What a handler receives: inputs decoded by the schema's declared types and already validated. */
export interface ActionRequest<Op extends OperationShape = OperationShape> {
  /** Path, query and header parameters (or function parameters), merged by name. */
  readonly params: Op['params'];
  /** The request body; `undefined` when the operation has no requestBody. */
  readonly body: Op['body'];
  /** The operationId or function name being served. */
  readonly operation: string;
  readonly event: BedrockAgentEvent;
  readonly context: LambdaContextLike | undefined;
  readonly sessionAttributes: Record<string, string>;
  readonly promptSessionAttributes: Record<string, string>;
  readonly logger: Logger;
}

/** What a handler returns. Omitted session maps pass the event's through unchanged. */
export interface ActionResult {
  /** Serialised with JSON.stringify (a string body is sent as is to function-details action groups). */
  readonly body: unknown;
  /** @default 200 */
  readonly statusCode?: number;
  readonly sessionAttributes?: Record<string, string>;
  readonly promptSessionAttributes?: Record<string, string>;
}

export type OperationHandler<Op extends OperationShape = OperationShape> = (
  request: ActionRequest<Op>,
) => ActionResult | Promise<ActionResult>;

/** Exactly one handler per operation of `Ops`. */
export type OperationHandlers<Ops extends OperationMap<Ops>> = {
  readonly [K in keyof Ops]: OperationHandler<Ops[K]>;
};

export interface ActionRouterOptions<Ops extends OperationMap<Ops>> {
  /** The parsed OpenAPI 3.0 document of the action group. Give `schema`, `functions`, or both. */
  readonly schema?: OpenApiDocument;
  /** The function-details definition of the action group. */
  readonly functions?: FunctionSchema;
  /** One handler per operationId / function name; checked against the schema when the router is built. */
  readonly operations: OperationHandlers<Ops>;
  /**
   * Where the router logs (refusals at debug, failures at error), and the `logger` handlers receive: a Logger, or
   * a function that creates one, called once, when something is first logged.
   * @default a Logger for service action-handler, created when first needed
   */
  readonly logger?: Logger | (() => Logger);
  /**
   * Largest response body, in UTF-8 bytes; a larger handler result is answered with 500 RESPONSE_TOO_LARGE.
   * @default 25_000
   */
  readonly maxBodyBytes?: number;
}
