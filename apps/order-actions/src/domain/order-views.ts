import { returnWindowEndsAt } from './return-policy';
import { OrderStatus } from './statuses';
import type { Order, OrderReturn } from './types/order';
import type { OrderStatusView, ReturnView } from './types/views';

export function toReturnView(orderId: string, orderReturn: OrderReturn): ReturnView {
  const { returnId, status, reason, requestedAt } = orderReturn;
  return { returnId, orderId, status, reason, requestedAt };
}

/** What getOrderStatus answers: the order plus what follows from it (the return window's end). */
export function toOrderStatusView(order: Order): OrderStatusView {
  const delivered = order.status === OrderStatus.DELIVERED && order.deliveredAt !== undefined;
  return {
    orderId: order.orderId,
    status: order.status,
    placedAt: order.placedAt,
    items: order.items,
    currency: order.currency,
    total: order.total,
    ...(order.estimatedDelivery !== undefined && !delivered
      ? { estimatedDelivery: order.estimatedDelivery }
      : {}),
    ...(delivered
      ? { deliveredAt: order.deliveredAt, returnWindowEndsAt: returnWindowEndsAt(order.deliveredAt!) }
      : {}),
    shippingAddress: order.shippingAddress,
    ...(order.return ? { return: toReturnView(order.orderId, order.return) } : {}),
  };
}
