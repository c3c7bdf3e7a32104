import {
  InvalidOrderInputError,
  parseOrderId,
  parseReturnReason,
  parseShippingAddress,
} from '../../src/domain';

const address = {
  name: 'Sam Lee',
  line1: '221 Baker Street',
  city: 'London',
  postalCode: 'NW1 6XE',
  country: 'GB',
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOrderInputError);
    return (error as InvalidOrderInputError).field;
  }
  throw new Error('expected InvalidOrderInputError');
}

describe('input validation', () => {
  it('accepts order ids of ORD- and 1 to 12 digits only', () => {
    expect(parseOrderId('ORD-1')).toBe('ORD-1');
    expect(parseOrderId('ORD-123456789012')).toBe('ORD-123456789012');
    for (const bad of [
      'ORD-',
      'ord-1',
      'ORD-1234567890123',
      'ORD-12a',
      ' ORD-1',
      '',
      null,
      undefined,
      1001,
    ]) {
      expect(fieldOf(() => parseOrderId(bad))).toBe('orderId');
    }
  });

  it('trims the return reason and bounds it to 500 characters', () => {
    expect(parseReturnReason('  arrived damaged ')).toBe('arrived damaged');
    expect(parseReturnReason('x'.repeat(500))).toHaveLength(500);
    expect(fieldOf(() => parseReturnReason('x'.repeat(501)))).toBe('reason');
    expect(fieldOf(() => parseReturnReason('   '))).toBe('reason');
    expect(fieldOf(() => parseReturnReason(undefined))).toBe('reason');
  });

  it('keeps a long input out of the message', () => {
    try {
      parseReturnReason('y'.repeat(10_000));
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(300);
      expect((error as Error).message).toContain('10000 characters');
    }
    expect.assertions(2);
  });

  it('normalises an address: trims, drops empty optional parts', () => {
    expect(parseShippingAddress({ ...address, name: ' Sam Lee ', line2: '  ', region: '' })).toEqual(address);
    expect(parseShippingAddress({ ...address, line2: 'Flat 3', region: 'Greater London' })).toEqual({
      ...address,
      line2: 'Flat 3',
      region: 'Greater London',
    });
  });

  it.each([
    ['name', { name: '' }],
    ['line1', { line1: undefined }],
    ['city', { city: 'c'.repeat(101) }],
    ['postalCode', { postalCode: '-123' }],
    ['postalCode', { postalCode: '1' }],
    ['country', { country: 'gb' }],
    ['country', { country: 'GBR' }],
    ['line2', { line2: 'l'.repeat(201) }],
    ['region', { region: 42 }],
  ])('names the wrong field: %s', (field, change) => {
    expect(fieldOf(() => parseShippingAddress({ ...address, ...change }))).toBe(field);
  });

  it('refuses a missing address', () => {
    expect(fieldOf(() => parseShippingAddress(undefined))).toBe('address');
    expect(fieldOf(() => parseShippingAddress([]))).toBe('address');
  });
});
