import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import fixtureFile from '../../fixtures/orders.json';
import { marshallItem } from '../../src/store';
import {
  getOrderStatusEvent,
  initiateReturnEvent,
  readAnswer,
  updateShippingAddressEvent,
} from '../integration/support/bedrock-events';
import { NEW_ADDRESS } from '../support/addresses';
import { useOrdersTableWithHandler } from './support/fixtures';
import { scanTable } from './support/table-state';

// Random orders (a sample order in any status, copied under a new id for a random customer) and random customers
// (the sample ones, near misses of their ids, and others) asking random operations, through the real handler on
// dynalite: a customer who does not own the order gets exactly the missing-order answer and no item of the table
// changes; the owner gets an answer about that order, and no other order changes.

const fixture = useOrdersTableWithHandler();

const sampleCustomers = fixtureFile.customers.map((customer) => customer.customerId);
const customer = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...sampleCustomers) },
  // Near misses of the sample ids and unrelated ones: ownership is exact equality.
  { weight: 1, arbitrary: fc.constantFrom('CUST-10010', 'cust-1001', 'CUST-100', 'CUST-1004') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,30}$/) },
);
const orderId = fc.constantFrom(...fixtureFile.orders.map((order) => order.orderId));
const address = fc.constantFrom(NEW_ADDRESS, { ...NEW_ADDRESS, line2: 'Flat 2', region: 'West Yorkshire' });
const request = fc.oneof(
  fc.record({ operation: fc.constant('getOrderStatus' as const) }),
  fc.record({
    operation: fc.constant('initiateReturn' as const),
    reason: fc.constantFrom('Broken', 'Too big'),
  }),
  fc.record({ operation: fc.constant('updateShippingAddress' as const), address }),
);

type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;
function eventFor(id: string, caller: string, asked: Request) {
  if (asked.operation === 'getOrderStatus') return getOrderStatusEvent(id, caller);
  if (asked.operation === 'initiateReturn') return initiateReturnEvent(id, asked.reason, caller);
  return updateShippingAddressEvent(id, asked.address, caller);
}

let next = 0;
/** Stores a copy of a sample order under a new id, owned by `owner`: random orders of random customers. */
async function storeOrderOf(owner: string, templateId: string): Promise<string> {
  const template = fixture.table.orders.find((order) => order.orderId === templateId)!;
  next += 1;
  const orderId = `ORD-77${String(next).padStart(6, '0')}`;
  await fixture.table.client.send(
    new PutItemCommand({
      TableName: fixture.table.tableName,
      Item: marshallItem({ ...template, orderId, customerId: owner }),
    }),
  );
  return orderId;
}

describe('ownership on the real handler and table', () => {
  it('no customer reads or changes an order of another customer', async () => {
    const outcomes = { owner: 0, other: 0 };
    await fc.assert(
      fc.asyncProperty(
        customer,
        customer,
        fc.boolean(),
        orderId,
        request,
        async (owner, stranger, asOwner, templateId, asked) => {
          const id = await storeOrderOf(owner, templateId);
          const caller = asOwner ? owner : stranger;
          const before = await scanTable(fixture.table.client, fixture.table.tableName);
          const answer = readAnswer(await fixture.handler(eventFor(id, caller, asked)));
          const after = await scanTable(fixture.table.client, fixture.table.tableName);
          if (caller !== owner) {
            outcomes.other += 1;
            expect(answer).toEqual({
              status: 404,
              body: {
                error: 'ORDER_NOT_FOUND',
                message: `No order has the id ${id}. Ask the customer to check the order id.`,
                orderId: id,
              },
            });
            expect(after).toEqual(before);
          } else {
            outcomes.owner += 1;
            expect([200, 409, 422]).toContain(answer.status);
            expect(answer.body.orderId).toBe(id);
            // Only the owner's order may have changed.
            expect(after.filter((item) => item.orderId !== id)).toEqual(
              before.filter((item) => item.orderId !== id),
            );
          }
        },
      ),
      { numRuns: 120 },
    );
    expect(outcomes.owner).toBeGreaterThan(10);
    expect(outcomes.other).toBeGreaterThan(10);
  }, 120_000);
});
