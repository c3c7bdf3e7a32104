export type {
  OrderActionsContext,
  OrderActionsHandler,
  OrderActionsHandlerOptions,
  OrderOperations,
} from './handler';
export { createOrderActionsHandler, handler } from './handler';
