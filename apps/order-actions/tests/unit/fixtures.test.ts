import fixtureFile from '../../fixtures/orders.json';
import { decideReturn, type Order, OrderStatus } from '../../src/domain';
import { FIXTURES_AS_OF, fixtureCustomers, fixtureOrders, rebaseOrder } from '../../src/local';

const DAY = 24 * 60 * 60 * 1000;

function returnable(order: Order, now: Date): boolean {
  try {
    return decideReturn(order, now).outcome === 'ALLOWED';
  } catch {
    return false;
  }
}

describe('sample orders', () => {
  it.each([
    ['the day they were written', new Date(FIXTURES_AS_OF)],
    ['any later day (rebased)', new Date(Date.parse(FIXTURES_AS_OF) + 400 * DAY + 12_345)],
  ])('cover every case on %s', (_when, now) => {
    const orders = fixtureOrders(now);
    const byStatus = (status: string) => orders.filter((order) => order.status === status);
    expect(new Set(orders.map((order) => order.status))).toEqual(new Set(Object.values(OrderStatus)));
    expect(orders.filter((order) => returnable(order, now)).length).toBeGreaterThanOrEqual(3);
    expect(byStatus('PLACED').length).toBeGreaterThanOrEqual(2);
    expect(byStatus('DELIVERED').filter((order) => !order.return && !returnable(order, now))).toHaveLength(1);
    expect(orders.filter((order) => order.return)).toHaveLength(1);
    expect(orders.map((order) => order.orderId)).toContain('ORD-1001');
    expect(new Set(orders.map((order) => order.orderId)).size).toBe(orders.length);
  });

  it('belong to at least three sample customers, each with orders in several statuses', () => {
    const orders = fixtureOrders();
    expect(fixtureCustomers.length).toBeGreaterThanOrEqual(3);
    for (const customer of fixtureCustomers) {
      const theirs = orders.filter((order) => order.customerId === customer.customerId);
      expect(theirs.map((order) => order.orderId)).toEqual(customer.orderIds);
      expect(new Set(theirs.map((order) => order.status)).size).toBeGreaterThanOrEqual(2);
    }
    const known = new Set(fixtureCustomers.map((customer) => customer.customerId));
    expect(orders.filter((order) => !known.has(order.customerId))).toEqual([]);
  });

  it('are stored unchanged on the day they were written', () => {
    expect(fixtureOrders(new Date(FIXTURES_AS_OF))).toEqual(fixtureFile.orders);
  });

  it('keep their distances in time when rebased', () => {
    const [order] = fixtureOrders(new Date(FIXTURES_AS_OF)).filter((o) => o.orderId === 'ORD-1006');
    const moved = rebaseOrder(order!, 10 * DAY + 5_000);
    expect(Date.parse(moved.deliveredAt!) - Date.parse(order!.deliveredAt!)).toBe(10 * DAY + 5_000);
    expect(Date.parse(moved.return!.requestedAt) - Date.parse(order!.return!.requestedAt)).toBe(
      10 * DAY + 5_000,
    );
    expect(Date.parse(moved.placedAt) - Date.parse(order!.placedAt)).toBe(10 * DAY + 5_000);
    const [placed] = fixtureOrders(new Date(FIXTURES_AS_OF)).filter((o) => o.orderId === 'ORD-1002');
    expect(rebaseOrder(placed!, 2 * DAY + 3 * 60 * 60 * 1000).estimatedDelivery).toBe(
      new Date(Date.parse(placed!.estimatedDelivery!) + 2 * DAY).toISOString().slice(0, 10),
    );
  });
});
