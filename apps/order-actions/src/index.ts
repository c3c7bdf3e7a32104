export type { AuditLogger, AuditRecord } from './audit-log';
export { AUDIT_KEY, AUDIT_MESSAGE } from './audit-log';
export type {
  OrderActionsContext,
  OrderActionsHandler,
  OrderActionsHandlerOptions,
  OrderOperations,
} from './handler';
export { createOrderActionsHandler, handler } from './handler';
