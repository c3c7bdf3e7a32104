import fc from 'fast-check';
import {
  decideReturn,
  type Order,
  OrderNotDeliveredError,
  OrderStatus,
  RETURN_WINDOW_DAYS,
  ReturnWindowClosedError,
  returnCutoff,
  returnIdFor,
  returnWindowEndsAt,
} from '../../src/domain';

const DAY = 24 * 60 * 60 * 1000;
const deliveredAt = '2026-10-01T10:00:00.000Z';

function order(overrides: Partial<Order> = {}): Order {
  return {
    orderId: 'ORD-42',
    customerId: 'CUST-1',
    status: OrderStatus.DELIVERED,
    placedAt: '2026-09-28T10:00:00.000Z',
    items: [{ sku: 'SKU-1', name: 'Thing', quantity: 1, unitPrice: 10 }],
    currency: 'USD',
    total: 10,
    shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '12345', country: 'US' },
    deliveredAt,
    ...overrides,
  };
}

describe('return rules', () => {
  it('allows a return of a DELIVERED order up to and including 30 days after delivery', () => {
    const lastMoment = new Date(Date.parse(deliveredAt) + RETURN_WINDOW_DAYS * DAY);
    expect(RETURN_WINDOW_DAYS).toBe(30);
    expect(decideReturn(order(), new Date(Date.parse(deliveredAt) + 1))).toEqual({ outcome: 'ALLOWED' });
    expect(decideReturn(order(), lastMoment)).toEqual({ outcome: 'ALLOWED' });
    expect(returnWindowEndsAt(deliveredAt)).toBe(lastMoment.toISOString());
  });

  it('refuses one millisecond after the window, naming when it ended', () => {
    const tooLate = new Date(Date.parse(deliveredAt) + 30 * DAY + 1);
    const error = catchError(() => decideReturn(order(), tooLate));
    expect(error).toBeInstanceOf(ReturnWindowClosedError);
    expect(error).toMatchObject({
      code: 'RETURN_WINDOW_CLOSED',
      details: { orderId: 'ORD-42', deliveredAt, returnWindowEndsAt: '2026-10-31T10:00:00.000Z' },
    });
  });

  it.each([OrderStatus.PLACED, OrderStatus.SHIPPED, OrderStatus.CANCELLED])(
    'refuses a %s order',
    (status) => {
      const error = catchError(() =>
        decideReturn(order({ status, deliveredAt: undefined }), new Date(deliveredAt)),
      );
      expect(error).toBeInstanceOf(OrderNotDeliveredError);
      expect(error).toMatchObject({ code: 'ORDER_NOT_DELIVERED', details: { orderId: 'ORD-42', status } });
      expect((error as Error).message).toContain('ORD-42');
    },
  );

  it('answers the existing return before any other rule (a retry after the window still gets it)', () => {
    const existing = {
      returnId: 'RET-42',
      status: 'REQUESTED',
      reason: 'x',
      requestedAt: deliveredAt,
    } as const;
    const muchLater = new Date(Date.parse(deliveredAt) + 400 * DAY);
    expect(decideReturn(order({ return: existing }), muchLater)).toEqual({
      outcome: 'ALREADY_EXISTS',
      existing,
    });
  });

  it('gives one return id per order, the same on every call', () => {
    expect(returnIdFor('ORD-1001')).toBe('RET-1001');
    expect(returnIdFor('ORD-1001')).toBe(returnIdFor('ORD-1001'));
    expect(returnIdFor('ORD-1002')).not.toBe(returnIdFor('ORD-1001'));
  });

  it('matches the store condition: allowed exactly when deliveredAt >= returnCutoff(now) as strings', () => {
    // The store enforces the window as `deliveredAt >= :cutoff` on canonical timestamps; this proves the string
    // comparison and the domain rule agree everywhere, boundaries included.
    const time = fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2100-01-01') });
    const offset = fc.oneof(
      fc.integer({ min: -100 * DAY, max: 100 * DAY }),
      fc.constantFrom(30 * DAY, 30 * DAY + 1, 30 * DAY - 1),
    );
    fc.assert(
      fc.property(time, offset, (delivered, elapsed) => {
        const at = new Date(delivered).toISOString();
        const now = new Date(delivered + elapsed);
        const allowedByStore = at >= returnCutoff(now);
        let allowedByRules = true;
        try {
          decideReturn(order({ deliveredAt: at }), now);
        } catch {
          allowedByRules = false;
        }
        expect(allowedByStore).toBe(allowedByRules);
      }),
      { numRuns: 2000 },
    );
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
