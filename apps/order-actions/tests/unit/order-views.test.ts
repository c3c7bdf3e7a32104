import { type Order, OrderStatus, toOrderStatusView } from '../../src/domain';

const placed: Order = {
  orderId: 'ORD-5',
  customerId: 'CUST-1',
  status: OrderStatus.SHIPPED,
  placedAt: '2026-11-01T00:00:00.000Z',
  items: [{ sku: 'S', name: 'N', quantity: 2, unitPrice: 1.5 }],
  currency: 'USD',
  total: 3,
  shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '12345', country: 'US' },
  estimatedDelivery: '2026-11-05',
};

describe('order status view', () => {
  it('shows the estimated delivery while on the way, and no return window', () => {
    const view = toOrderStatusView(placed);
    expect(view.estimatedDelivery).toBe('2026-11-05');
    expect(view).not.toHaveProperty('deliveredAt');
    expect(view).not.toHaveProperty('returnWindowEndsAt');
    expect(view).not.toHaveProperty('return');
  });

  it('shows delivery time, return window end and the return with its order id once delivered', () => {
    const view = toOrderStatusView({
      ...placed,
      status: OrderStatus.DELIVERED,
      deliveredAt: '2026-11-04T15:30:00.000Z',
      return: {
        returnId: 'RET-5',
        status: 'REQUESTED',
        reason: 'too small',
        requestedAt: '2026-11-06T00:00:00.000Z',
      },
    });
    expect(view).not.toHaveProperty('estimatedDelivery');
    expect(view.deliveredAt).toBe('2026-11-04T15:30:00.000Z');
    expect(view.returnWindowEndsAt).toBe('2026-12-04T15:30:00.000Z');
    expect(view.return).toEqual({
      returnId: 'RET-5',
      orderId: 'ORD-5',
      status: 'REQUESTED',
      reason: 'too small',
      requestedAt: '2026-11-06T00:00:00.000Z',
    });
  });
});
