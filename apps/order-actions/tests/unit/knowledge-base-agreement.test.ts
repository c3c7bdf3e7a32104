// The knowledge base documents tell customers the rules this Lambda enforces. If either side changes alone, the
// agent would quote one rule and apply another: these tests read the documents and hold them to the domain code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Order } from '../../src/domain';
import { assertAddressChangeable, decideReturn, OrderStatus, RETURN_WINDOW_DAYS } from '../../src/domain';

const documentsDir = join(__dirname, '../../../../knowledge-base/documents');
const documents = readdirSync(documentsDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ name, text: readFileSync(join(documentsDir, name), 'utf8') }));
const faq = documents.find((doc) => doc.name === 'shipping-and-delivery-faq.md')!.text;
const returnPolicy = documents.find((doc) => doc.name === 'return-policy.md')!.text;

const now = new Date('2026-06-15T12:00:00.000Z');
function orderIn(status: Order['status']): Order {
  return {
    orderId: 'ORD-1',
    customerId: 'CUST-1',
    status,
    placedAt: '2026-06-01T00:00:00.000Z',
    items: [],
    currency: 'USD',
    total: 0,
    shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '12345', country: 'US' },
    ...(status === OrderStatus.DELIVERED ? { deliveredAt: '2026-06-10T00:00:00.000Z' } : {}),
  };
}
const allows = (check: () => unknown) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

/** Rows of the FAQ's status table: status → [can change address, can return]. */
function statusTable(): Map<string, { address: string; returns: string }> {
  const rows = new Map<string, { address: string; returns: string }>();
  for (const line of faq.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const status = /^`([A-Z]+)`$/.exec(cells[1] ?? '')?.[1];
    if (status) rows.set(status, { address: cells[3] ?? '', returns: cells[4] ?? '' });
  }
  return rows;
}

describe('knowledge base documents agree with the order rules', () => {
  it('every "N days" period in the documents is the return window the Lambda enforces', () => {
    const periods = documents.flatMap((doc) =>
      [...doc.text.matchAll(/(\d+)[ -]days?\b/g)].map((match) => ({ doc: doc.name, days: Number(match[1]) })),
    );
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.filter((period) => period.days !== RETURN_WINDOW_DAYS)).toEqual([]);
  });

  it('the return policy states the window and one return per order', () => {
    expect(returnPolicy).toContain(`${RETURN_WINDOW_DAYS} days after delivery`);
    expect(returnPolicy.toLowerCase()).toContain('one return per order');
  });

  it('the FAQ status table lists every status the Lambda knows', () => {
    expect([...statusTable().keys()].sort()).toEqual(Object.values(OrderStatus).sort());
  });

  it.each(Object.values(OrderStatus))('the FAQ says what the Lambda does for a %s order', (status) => {
    const row = statusTable().get(status)!;
    const order = orderIn(status);
    expect(row.address.startsWith('Yes')).toBe(allows(() => assertAddressChangeable(order)));
    expect(row.returns.startsWith('Yes')).toBe(allows(() => decideReturn(order, now)));
  });
});
