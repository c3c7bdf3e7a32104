import { AddressChangeNotAllowedError } from './errors';
import { OrderStatus } from './statuses';
import type { Order } from './types/order';

/** The shipping address can change only while the order is PLACED (not shipped, delivered or cancelled). */
export function assertAddressChangeable(order: Order): void {
  if (order.status !== OrderStatus.PLACED)
    throw new AddressChangeNotAllowedError(order.orderId, order.status);
}
