/** Where an order is in its life. Stored as the item's `status` attribute. */
export const OrderStatus = {
  /** Accepted, not shipped yet: the only status in which the shipping address may change. */
  PLACED: 'PLACED',
  /** On its way. */
  SHIPPED: 'SHIPPED',
  /** Handed to the customer at `deliveredAt`: the only status in which a return may start. */
  DELIVERED: 'DELIVERED',
  CANCELLED: 'CANCELLED',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

const orderStatuses: ReadonlySet<string> = new Set(Object.values(OrderStatus));
export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && orderStatuses.has(value);
}

/** Where a return is in its life. Only the first step exists so far. */
export const ReturnStatus = {
  REQUESTED: 'REQUESTED',
} as const;
export type ReturnStatus = (typeof ReturnStatus)[keyof typeof ReturnStatus];
