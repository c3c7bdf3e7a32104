import fixtureFile from '../../fixtures/orders.json';
import { InvalidOrderItemError, toOrder } from '../../src/store';

const stored = fixtureFile.orders.find((order) => order.orderId === 'ORD-1006') as Record<string, unknown>;

describe('stored order shape', () => {
  it('reads a stored order, return included', () => {
    const order = toOrder(stored);
    expect(order.orderId).toBe('ORD-1006');
    expect(order.return).toMatchObject({ returnId: 'RET-1006', status: 'REQUESTED' });
  });

  it.each([
    ['an unknown status', { status: 'LOST' }, 'status "LOST" is not an order status'],
    [
      'a non-canonical timestamp',
      { deliveredAt: '2026-11-15T12:00:00Z' },
      'deliveredAt "2026-11-15T12:00:00Z" is not a canonical',
    ],
    [
      'a DELIVERED order without deliveredAt',
      { deliveredAt: undefined },
      'a DELIVERED order needs deliveredAt',
    ],
    [
      'a malformed item line',
      { items: [{ sku: 'S', name: 'N', quantity: '1', unitPrice: 1 }] },
      'quantity is not a number',
    ],
    ['a missing address', { shippingAddress: undefined }, 'shippingAddress is not a map'],
    [
      'an unknown return status',
      { return: { ...(stored.return as object), status: 'DONE' } },
      'return.status "DONE"',
    ],
    ['a bad calendar date', { estimatedDelivery: '5 Dec' }, 'estimatedDelivery is not a YYYY-MM-DD date'],
  ])('rejects %s with a clear error', (_what, change, problem) => {
    expect(() => toOrder({ ...stored, ...change })).toThrow(InvalidOrderItemError);
    expect(() => toOrder({ ...stored, ...change })).toThrow(problem);
  });
});
