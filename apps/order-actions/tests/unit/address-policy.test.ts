import {
  AddressChangeNotAllowedError,
  assertAddressChangeable,
  type Order,
  OrderStatus,
} from '../../src/domain';

const base: Order = {
  orderId: 'ORD-7',
  customerId: 'CUST-1',
  status: OrderStatus.PLACED,
  placedAt: '2026-11-01T00:00:00.000Z',
  items: [],
  currency: 'EUR',
  total: 0,
  shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '10115', country: 'DE' },
};

describe('address change rule', () => {
  it('allows a change while the order is PLACED', () => {
    expect(() => assertAddressChangeable(base)).not.toThrow();
  });

  it.each([OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED])(
    'refuses it once %s',
    (status) => {
      expect(() => assertAddressChangeable({ ...base, status })).toThrow(AddressChangeNotAllowedError);
      expect(() => assertAddressChangeable({ ...base, status })).toThrow(`Order ORD-7 has status ${status}`);
    },
  );
});
