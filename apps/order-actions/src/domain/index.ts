export { assertAddressChangeable } from './address-policy';
export {
  AddressChangeNotAllowedError,
  InvalidOrderInputError,
  OrderError,
  OrderNotDeliveredError,
  OrderNotFoundError,
  OrderStoreUnavailableError,
  ReturnWindowClosedError,
} from './errors';
export type { ConditionalWriteOutcome, OrderRepository, StoreCallOptions } from './order-repository';
export type { OrderServiceOptions } from './order-service';
export { OrderService } from './order-service';
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
  InitiatedReturnView,
  Order,
  OrderItem,
  OrderReturn,
  OrderStatusView,
  ReturnView,
  ShippingAddress,
} from './types';
export { MAX_REASON_LENGTH, parseOrderId, parseReturnReason, parseShippingAddress } from './validation';
