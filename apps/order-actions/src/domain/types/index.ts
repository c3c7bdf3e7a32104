export type { AuditedOperation, OrderWriteAuditor, OrderWriteReport } from './audit';
export type { Order, OrderItem, OrderReturn, ShippingAddress } from './order';
export type { InitiatedReturnView, OrderStatusView, ReturnView } from './views';
