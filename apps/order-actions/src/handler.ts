import { Logger } from '@aws-lambda-powertools/logger';
import {
  ActionRouter,
  BadRequestError,
  type BedrockAgentResponse,
  ConflictError,
  type LambdaContextLike,
  NotFoundError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from '@order-agent/action-handler';
import schema from '@order-agent/schemas/order-management-api.json';
import {
  AddressChangeNotAllowedError,
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
  /** @default new Logger({ serviceName: 'order-actions' }) */
  readonly logger?: Logger;
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
 * documented statuses (400, 404, 409, 422, 503) with messages the agent can relay.
 */
export function createOrderActionsHandler(options: OrderActionsHandlerOptions = {}): OrderActionsHandler {
  const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  let service = typeof options.orderService === 'object' ? options.orderService : undefined;
  const orderService = (): OrderService => {
    service ??=
      typeof options.orderService === 'function' ? options.orderService() : orderServiceFromEnvironment();
    return service;
  };
  const callOptions = (context: LambdaContextLike | undefined): StoreCallOptions => ({
    signal: AbortSignal.timeout(timeBudget(budgetMs, context)),
  });

  const router = new ActionRouter<OrderOperations>({
    schema,
    logger: options.logger ?? new Logger({ serviceName: 'order-actions' }),
    operations: {
      getOrderStatus: (request) =>
        answer(() => orderService().getOrderStatus(request.params.orderId, callOptions(request.context))),
      initiateReturn: (request) =>
        answer(() =>
          orderService().initiateReturn(
            request.params.orderId,
            request.body.reason,
            callOptions(request.context),
          ),
        ),
      updateShippingAddress: (request) =>
        answer(() =>
          orderService().updateShippingAddress(
            request.params.orderId,
            request.body,
            callOptions(request.context),
          ),
        ),
    },
  });
  return (event, context) => router.resolve(event, context);
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
    const { field, allowed } = error;
    return new BadRequestError(error.message, {
      code: error.code,
      details: { field, allowed, errors: [{ field, message: error.message, allowed }] },
    });
  }
  const options = (e: { code: string; details: Readonly<Record<string, unknown>> }) => ({
    code: e.code,
    details: { ...e.details },
    cause: error,
  });
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
