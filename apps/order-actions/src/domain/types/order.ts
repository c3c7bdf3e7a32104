import type { OrderStatus, ReturnStatus } from '../statuses';

/** One line of an order. */
export interface OrderItem {
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  /** Price of one, in the order's currency. */
  readonly unitPrice: number;
}

/** A postal address; optional parts are left out rather than empty. */
export interface ShippingAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly region?: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

/** The return of an order, kept inside the order (one return per order). */
export interface OrderReturn {
  readonly returnId: string;
  readonly status: ReturnStatus;
  readonly reason: string;
  /** Canonical ISO 8601 timestamp (see {@link Order}). */
  readonly requestedAt: string;
}

/**
 * An order as the domain sees it (and as it is stored).
 * Timestamps are canonical ISO 8601 in UTC with milliseconds (`Date.prototype.toISOString()`), so comparing
 * them as strings compares them in time: the store's condition expressions rely on that.
 */
export interface Order {
  readonly orderId: string;
  /** The customer who placed it: the only one who may read or change it. */
  readonly customerId: string;
  readonly status: OrderStatus;
  readonly placedAt: string;
  readonly items: readonly OrderItem[];
  /** ISO 4217. */
  readonly currency: string;
  readonly total: number;
  readonly shippingAddress: ShippingAddress;
  /** Calendar date (YYYY-MM-DD) while PLACED or SHIPPED. */
  readonly estimatedDelivery?: string;
  /** When it was delivered; set once DELIVERED. */
  readonly deliveredAt?: string;
  readonly cancelledAt?: string;
  readonly return?: OrderReturn;
}
