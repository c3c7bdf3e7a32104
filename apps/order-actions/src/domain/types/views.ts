import type { ReturnStatus } from '../statuses';
import type { Order, OrderItem, ShippingAddress } from './order';

/** A return as operations answer it. */
export interface ReturnView {
  readonly returnId: string;
  readonly orderId: string;
  readonly status: ReturnStatus;
  readonly reason: string;
  readonly requestedAt: string;
}

/** The answer to initiateReturn. */
export interface InitiatedReturnView extends ReturnView {
  /** True when this return had been started before and nothing new was created. */
  readonly alreadyExisted: boolean;
}

/** The answer to getOrderStatus and updateShippingAddress. */
export interface OrderStatusView {
  readonly orderId: string;
  readonly status: Order['status'];
  readonly placedAt: string;
  readonly items: readonly OrderItem[];
  readonly currency: string;
  readonly total: number;
  readonly estimatedDelivery?: string;
  readonly deliveredAt?: string;
  /** Last moment a return can start; only for DELIVERED orders. */
  readonly returnWindowEndsAt?: string;
  readonly shippingAddress: ShippingAddress;
  readonly return?: ReturnView;
}
