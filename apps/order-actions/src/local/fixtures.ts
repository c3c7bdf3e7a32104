import fixtureFile from '../../fixtures/orders.json';
import type { Order } from '../domain';
import { toOrder } from '../store/order-item';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The moment the dates in fixtures/orders.json are real for. */
export const FIXTURES_AS_OF: string = fixtureFile.asOf;

/** A sample customer: who to sign in as (`--customer-id`) to act on these orders. */
export interface FixtureCustomer {
  readonly customerId: string;
  readonly name: string;
  /** The sample orders this customer placed (and so may read and change). */
  readonly orderIds: readonly string[];
}

/** The customers of fixtures/orders.json, each with the ids of their orders. */
export const fixtureCustomers: readonly FixtureCustomer[] = fixtureFile.customers.map((customer) => ({
  ...customer,
  orderIds: fixtureFile.orders
    .filter((order) => order.customerId === customer.customerId)
    .map((order) => order.orderId),
}));

/**
 * The sample orders of fixtures/orders.json as they should be stored at `now`: every timestamp moves by
 * `now - asOf` (in whole minutes, so the times stay round) and every calendar date by that many whole days, so
 * "delivered 5 days ago" stays 5 days ago and
 * the return windows stay open (or closed) whenever the data is seeded. Each order is checked against the stored
 * order shape.
 */
export function fixtureOrders(now: Date = new Date()): Order[] {
  const shiftMs = Math.round((now.getTime() - Date.parse(fixtureFile.asOf)) / MINUTE_MS) * MINUTE_MS;
  return fixtureFile.orders.map((order) => rebaseOrder(toOrder(order as Record<string, unknown>), shiftMs));
}

/** Moves every date of `order` by `shiftMs` (calendar dates by the nearest whole number of days). */
export function rebaseOrder(order: Order, shiftMs: number): Order {
  const timestamp = (value: string): string => new Date(Date.parse(value) + shiftMs).toISOString();
  const date = (value: string): string =>
    new Date(Date.parse(value) + Math.round(shiftMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  return {
    ...order,
    placedAt: timestamp(order.placedAt),
    ...(order.estimatedDelivery ? { estimatedDelivery: date(order.estimatedDelivery) } : {}),
    ...(order.deliveredAt ? { deliveredAt: timestamp(order.deliveredAt) } : {}),
    ...(order.cancelledAt ? { cancelledAt: timestamp(order.cancelledAt) } : {}),
    ...(order.return
      ? { return: { ...order.return, requestedAt: timestamp(order.return.requestedAt) } }
      : {}),
  };
}

/**
 * The one "now" every local tool (npm run dev, npm run seed, the stand-in agent) rebases the fixtures to:
 * $ORDER_AGENT_NOW (an ISO time, for runs that must agree or repeat) or the clock.
 */
export function fixturesNow(env: Readonly<Record<string, string | undefined>> = process.env): Date {
  const configured = env.ORDER_AGENT_NOW;
  if (configured === undefined || configured === '') return new Date();
  const time = Date.parse(configured);
  if (Number.isNaN(time)) throw new Error(`ORDER_AGENT_NOW must be an ISO date-time, got "${configured}"`);
  return new Date(time);
}
