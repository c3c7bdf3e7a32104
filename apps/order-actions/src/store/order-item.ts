import {
  isOrderStatus,
  type Order,
  type OrderItem,
  type OrderReturn,
  ReturnStatus,
  type ShippingAddress,
} from '../domain';
import { InvalidOrderItemError } from './errors';

/**
 * Checks a stored item (already unmarshalled) against the order shape, so a bad item becomes one clear error
 * instead of wrong answers later. Timestamps must be canonical (`toISOString()` form): the condition expressions
 * compare them as strings.
 */
export function toOrder(record: Record<string, unknown>): Order {
  const orderId = typeof record.orderId === 'string' ? record.orderId : '(no orderId)';
  const fail = (problem: string): never => {
    throw new InvalidOrderItemError(orderId, problem);
  };
  const check = new Checker(fail);
  if (!isOrderStatus(record.status)) fail(`status ${JSON.stringify(record.status)} is not an order status`);
  if (!Array.isArray(record.items)) fail('items is not a list');
  const order: Order = {
    orderId: check.string(record, 'orderId'),
    customerId: check.string(record, 'customerId'),
    status: record.status as Order['status'],
    placedAt: check.timestamp(record, 'placedAt'),
    items: (record.items as unknown[]).map((item, i) =>
      toOrderItem(check.object(item, `items[${i}]`), check),
    ),
    currency: check.string(record, 'currency'),
    total: check.number(record, 'total'),
    shippingAddress: toAddress(check.object(record.shippingAddress, 'shippingAddress'), check),
    ...optional('estimatedDelivery', check.optional(record, 'estimatedDelivery', check.date)),
    ...optional('deliveredAt', check.optional(record, 'deliveredAt', check.timestamp)),
    ...optional('cancelledAt', check.optional(record, 'cancelledAt', check.timestamp)),
    ...optional(
      'return',
      record.return === undefined ? undefined : toReturn(check.object(record.return, 'return'), check),
    ),
  };
  if (order.status === 'DELIVERED' && order.deliveredAt === undefined)
    fail('a DELIVERED order needs deliveredAt');
  return order;
}

function toOrderItem(record: Record<string, unknown>, check: Checker): OrderItem {
  return {
    sku: check.string(record, 'sku'),
    name: check.string(record, 'name'),
    quantity: check.number(record, 'quantity'),
    unitPrice: check.number(record, 'unitPrice'),
  };
}

function toAddress(record: Record<string, unknown>, check: Checker): ShippingAddress {
  return {
    name: check.string(record, 'name'),
    line1: check.string(record, 'line1'),
    ...optional('line2', check.optional(record, 'line2', check.string)),
    city: check.string(record, 'city'),
    ...optional('region', check.optional(record, 'region', check.string)),
    postalCode: check.string(record, 'postalCode'),
    country: check.string(record, 'country'),
  };
}

function toReturn(record: Record<string, unknown>, check: Checker): OrderReturn {
  if (record.status !== ReturnStatus.REQUESTED)
    check.fail(`return.status ${JSON.stringify(record.status)} is unknown`);
  return {
    returnId: check.string(record, 'returnId'),
    status: ReturnStatus.REQUESTED,
    reason: check.string(record, 'reason'),
    requestedAt: check.timestamp(record, 'requestedAt'),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

class Checker {
  constructor(readonly fail: (problem: string) => never) {}

  string = (record: Record<string, unknown>, key: string): string => {
    const value = record[key];
    return typeof value === 'string' ? value : this.fail(`${key} is not a string`);
  };

  number = (record: Record<string, unknown>, key: string): number => {
    const value = record[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : this.fail(`${key} is not a number`);
  };

  timestamp = (record: Record<string, unknown>, key: string): string => {
    const value = this.string(record, key);
    const time = Date.parse(value);
    return !Number.isNaN(time) && new Date(time).toISOString() === value
      ? value
      : this.fail(
          `${key} ${JSON.stringify(value)} is not a canonical ISO 8601 timestamp (YYYY-MM-DDTHH:mm:ss.sssZ)`,
        );
  };

  date = (record: Record<string, unknown>, key: string): string => {
    const value = this.string(record, key);
    return DATE.test(value) && !Number.isNaN(Date.parse(value))
      ? value
      : this.fail(`${key} is not a YYYY-MM-DD date`);
  };

  object = (value: unknown, what: string): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : this.fail(`${what} is not a map`);

  optional = <T>(
    record: Record<string, unknown>,
    key: string,
    read: (record: Record<string, unknown>, key: string) => T,
  ): T | undefined => (record[key] === undefined ? undefined : read(record, key));
}
