import type { Logger } from '@aws-lambda-powertools/logger';
import {
  type ActionRequest,
  ActionRouter,
  type BedrockAgentResponse,
  ConflictError,
  createLogger,
  InvalidParameterError,
  type LambdaContextLike,
  NotFoundError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnprocessableEntityError,
} from '@order-agent/action-handler';
import schema from '@order-agent/schemas/order-management-api.json';
import { type AuditLogger, auditorFor, defaultAuditLogger } from './audit-log';
import {
  AddressChangeNotAllowedError,
  CustomerNotSignedInError,
  InvalidOrderInputError,
  OrderNotDeliveredError,
  OrderNotFoundError,
  OrderService,
  OrderStoreUnavailableError,
  ReturnWindowClosedError,
  type ShippingAddress,
  type StoreCallOptions,
} from './domain';
import { createDynamoDbClient, DynamoDbOrderRepository } from './store';

/** The decoded inputs of the operations in schemas/order-management-api.json. */
export interface OrderOperations {
  getOrderStatus: { params: { orderId: string }; body: undefined };
  initiateReturn: { params: { orderId: string }; body: { reason: string } };
  updateShippingAddress: { params: { orderId: string }; body: ShippingAddress };
}

/** The Lambda context as far as this handler reads it. */
export interface OrderActionsContext extends LambdaContextLike {
  getRemainingTimeInMillis?(): number;
}

export type OrderActionsHandler = (
  event: unknown,
  context?: OrderActionsContext,
) => Promise<BedrockAgentResponse>;

export interface OrderActionsHandlerOptions {
  /**
   * The order operations to serve (or a factory, called once, on the first request).
   * @default an OrderService on the DynamoDB table named by ORDERS_TABLE, created on the first request
   */
  readonly orderService?: OrderService | (() => OrderService);
  /** @default createLogger({ serviceName: 'order-actions' }), made when something is first logged */
  readonly logger?: Logger;
  /**
   * Where the audit records of writes go (one per initiateReturn / updateShippingAddress request).
   * @default a Logger for service order-actions at INFO whatever POWERTOOLS_LOG_LEVEL says, unless that is SILENT,
   * made on the first record
   */
  readonly auditLogger?: AuditLogger;
  /**
   * Longest time one request may wait for DynamoDB before answering 503, in milliseconds. It is further capped by
   * the Lambda's remaining time minus {@link ANSWER_RESERVE_MS}.
   * @default 2500
   */
  readonly timeBudgetMs?: number;
}

/** Time kept back from the Lambda's remaining time to build and return the answer. */
export const ANSWER_RESERVE_MS = 250;
const DEFAULT_TIME_BUDGET_MS = 2500;
const MIN_TIME_BUDGET_MS = 50;

/**
 * The Bedrock adapter: routes action-group events to the order service, and turns its refusals into the
 * documented statuses (400, 401, 404, 409, 422, 503) with messages the agent can relay.
 *
 * The customer is read from the session attribute `customerId` only: the application that calls InvokeAgent sets
 * it, Bedrock passes it through unchanged, and the model cannot set it. Never from promptSessionAttributes,
 * parameters or the body, which the model or the user can fill. Answers return the session maps as they came.
 */
export function createOrderActionsHandler(options: OrderActionsHandlerOptions = {}): OrderActionsHandler {
  const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  let service = typeof options.orderService === 'object' ? options.orderService : undefined;
  const orderService = (): OrderService => {
    service ??=
      typeof options.orderService === 'function' ? options.orderService() : orderServiceFromEnvironment();
    return service;
  };
  const auditLogger = options.auditLogger ?? defaultAuditLogger();
  const callOptions = (context: LambdaContextLike | undefined): StoreCallOptions => ({
    deadline: Date.now() + timeBudget(budgetMs, context),
  });
  const writeOptions = (request: ActionRequest) => ({
    ...callOptions(request.context),
    audit: auditorFor(auditLogger, request),
  });

  const router = new ActionRouter<OrderOperations>({
    schema,
    logger: options.logger ?? (() => createLogger({ serviceName: 'order-actions' })),
    operations: {
      getOrderStatus: (request) =>
        answer(() =>
          orderService().getOrderStatus(
            { customerId: customerOf(request), orderId: request.params.orderId },
            callOptions(request.context),
          ),
        ),
      initiateReturn: (request) =>
        answer(() =>
          orderService().initiateReturn(
            { customerId: customerOf(request), orderId: request.params.orderId, reason: request.body.reason },
            writeOptions(request),
          ),
        ),
      updateShippingAddress: (request) =>
        answer(() =>
          orderService().updateShippingAddress(
            { customerId: customerOf(request), orderId: request.params.orderId, address: request.body },
            writeOptions(request),
          ),
        ),
    },
  });
  return (event, context) => router.resolve(event, context);
}

/** The signed-in customer as the calling application set it; the service refuses anything else. */
function customerOf(request: ActionRequest): unknown {
  const attributes = request.sessionAttributes;
  return Object.hasOwn(attributes, 'customerId') ? attributes.customerId : undefined;
}

function orderServiceFromEnvironment(): OrderService {
  const tableName = process.env.ORDERS_TABLE;
  if (!tableName)
    throw new Error('ORDERS_TABLE is not set: the order-actions Lambda needs the orders table name');
  return new OrderService({
    repository: new DynamoDbOrderRepository({ client: createDynamoDbClient(), tableName }),
  });
}

/** The budget for one request: the configured one, or less when the Lambda is about to time out. */
function timeBudget(budgetMs: number, context: LambdaContextLike | undefined): number {
  const remaining = (context as OrderActionsContext | undefined)?.getRemainingTimeInMillis;
  const cap = typeof remaining === 'function' ? remaining.call(context) - ANSWER_RESERVE_MS : budgetMs;
  return Math.max(MIN_TIME_BUDGET_MS, Math.min(budgetMs, cap));
}

/**
 * Runs one operation; a domain refusal becomes the matching ActionError (the router answers it, and logs 5xx
 * answers with their cause and the request's correlation data), anything else goes to the router as is (500).
 */
async function answer(run: () => Promise<object>): Promise<{ body: object }> {
  try {
    return { body: await run() };
  } catch (error) {
    throw toActionError(error);
  }
}

/** Maps domain errors to HTTP statuses; the body is `{ error: code, message, ...details }`. */
export function toActionError(error: unknown): unknown {
  if (error instanceof InvalidOrderInputError) {
    const { field, allowed, message } = error;
    return new InvalidParameterError([{ field, message, allowed }], { code: error.code });
  }
  const options = (e: { code: string; details: Readonly<Record<string, unknown>> }) => ({
    code: e.code,
    details: { ...e.details },
    cause: error,
  });
  if (error instanceof CustomerNotSignedInError) return new UnauthorizedError(error.message, options(error));
  // Another customer's order is an OrderNotFoundError too: the same status, code, message and details.
  if (error instanceof OrderNotFoundError) return new NotFoundError(error.message, options(error));
  if (error instanceof OrderNotDeliveredError || error instanceof AddressChangeNotAllowedError) {
    return new ConflictError(error.message, options(error));
  }
  if (error instanceof ReturnWindowClosedError)
    return new UnprocessableEntityError(error.message, options(error));
  if (error instanceof OrderStoreUnavailableError)
    return new ServiceUnavailableError(error.message, options(error));
  return error;
}

/** The Lambda entry point: orders in the table named by ORDERS_TABLE. */
export const handler: OrderActionsHandler = createOrderActionsHandler();
