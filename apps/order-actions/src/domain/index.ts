export { assertAddressChangeable } from './address-policy';
export { AuditOutcome, outcomeOfError } from './audit';
export { parseCustomerId } from './customer';
export {
  AddressChangeNotAllowedError,
  CustomerNotSignedInError,
  InvalidOrderInputError,
  OrderError,
  OrderNotDeliveredError,
  OrderNotFoundError,
  OrderOfAnotherCustomerError,
  OrderStoreUnavailableError,
  ReturnWindowClosedError,
} from './errors';
export type { ConditionalWriteOutcome, OrderRepository, StoreCallOptions } from './order-repository';
export type { OrderCallOptions, OrderRequest, OrderServiceOptions } from './order-service';
export { changedAddressFields, OrderService } from './order-service';
export { toOrderStatusView, toReturnView } from './order-views';
export type { ReturnDecision } from './return-policy';
export {
  decideReturn,
  newReturn,
  RETURN_WINDOW_DAYS,
  returnCutoff,
  returnIdFor,
  returnWindowEndsAt,
} from './return-policy';
export { isOrderStatus, OrderStatus, ReturnStatus } from './statuses';
export type {
  AuditedOperation,
  InitiatedReturnView,
  Order,
  OrderItem,
  OrderReturn,
  OrderStatusView,
  OrderWriteAuditor,
  OrderWriteReport,
  ReturnView,
  ShippingAddress,
} from './types';
export { MAX_REASON_LENGTH, parseOrderId, parseReturnReason, parseShippingAddress } from './validation';
