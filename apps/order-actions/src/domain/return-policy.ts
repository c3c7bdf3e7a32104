import { OrderNotDeliveredError, ReturnWindowClosedError } from './errors';
import { OrderStatus, ReturnStatus } from './statuses';
import type { Order, OrderReturn } from './types/order';

/** A return may start until this long after delivery (inclusive). */
export const RETURN_WINDOW_DAYS = 30;
const RETURN_WINDOW_MS = RETURN_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/** The last moment a return may start for an order delivered at `deliveredAt`. */
export function returnWindowEndsAt(deliveredAt: string): string {
  return new Date(Date.parse(deliveredAt) + RETURN_WINDOW_MS).toISOString();
}

/**
 * The earliest `deliveredAt` that still allows a return at `now`: `now <= deliveredAt + 30 days` is the same as
 * `deliveredAt >= now - 30 days`, which the store checks as a string comparison of canonical timestamps.
 */
export function returnCutoff(now: Date): string {
  return new Date(now.getTime() - RETURN_WINDOW_MS).toISOString();
}

/**
 * One return per order, so the id follows from the order id: a retried or concurrent request computes the same
 * id, and the store keeps whichever write came first.
 */
export function returnIdFor(orderId: string): string {
  return `RET-${orderId.replace(/^ORD-/, '')}`;
}

export function newReturn(orderId: string, reason: string, now: Date): OrderReturn {
  return {
    returnId: returnIdFor(orderId),
    status: ReturnStatus.REQUESTED,
    reason,
    requestedAt: now.toISOString(),
  };
}

export type ReturnDecision =
  | { readonly outcome: 'ALLOWED' }
  | { readonly outcome: 'ALREADY_EXISTS'; readonly existing: OrderReturn };

/**
 * The return rules, in the order they are applied:
 * 1. an order that already has a return answers with it (one return per order, retries are idempotent);
 * 2. only a DELIVERED order can be returned (otherwise {@link OrderNotDeliveredError});
 * 3. only while `now <= deliveredAt + 30 days` (otherwise {@link ReturnWindowClosedError}).
 */
export function decideReturn(order: Order, now: Date): ReturnDecision {
  if (order.return) return { outcome: 'ALREADY_EXISTS', existing: order.return };
  if (order.status !== OrderStatus.DELIVERED) throw new OrderNotDeliveredError(order.orderId, order.status);
  const deliveredAt = order.deliveredAt;
  // A DELIVERED order without a readable delivery time cannot prove it is inside the window.
  if (deliveredAt === undefined || Number.isNaN(Date.parse(deliveredAt))) {
    throw new ReturnWindowClosedError(order.orderId, String(deliveredAt), 'unknown');
  }
  const endsAt = returnWindowEndsAt(deliveredAt);
  if (now.getTime() > Date.parse(endsAt))
    throw new ReturnWindowClosedError(order.orderId, deliveredAt, endsAt);
  return { outcome: 'ALLOWED' };
}
