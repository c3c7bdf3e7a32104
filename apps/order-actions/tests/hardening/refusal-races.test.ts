import { createOrderActionsHandler } from '../../src';
import {
  initiateReturnEvent,
  readAnswer,
  updateShippingAddressEvent,
} from '../integration/support/bedrock-events';
import { NEW_ADDRESS, useProxiedOrdersTable } from './support/fixtures';
import { copyOrder, markDelivered, markShipped } from './support/orders';
import { storedOrder } from './support/table-state';

// Refusals explained from a different moment than the one the write was refused at. Each test sets up the
// interleaving exactly, with a loopback proxy that lets another system write at a chosen point:
// - a refused write explained by a later read (dynalite, or DynamoDB for an order that did not exist yet), and
// - a write whose answer was lost, sent again after the order moved on.
// In both, the answer must agree with what is stored.

const fixture = useProxiedOrdersTable();

describe('a return refused while the order is on its way, delivered before the refusal is explained', () => {
  it('is answered as of the write (409) or taken (200), never as an internal error', async () => {
    const order = await copyOrder(fixture.table, 'ORD-1003'); // SHIPPED
    let delivered = false;
    // The UpdateItem is refused (SHIPPED); before the read that explains the refusal, the carrier delivers.
    fixture.proxy.setPolicy(async (call) => {
      if (call.operation === 'GetItem' && call.orderId === order.orderId && !delivered) {
        delivered = true;
        await markDelivered(fixture.table, order.orderId);
      }
      return { kind: 'forward' };
    });
    const answer = readAnswer(
      await createOrderActionsHandler()(initiateReturnEvent(order.orderId, 'Too slow')),
    );
    expect(delivered).toBe(true);
    const stored = await storedOrder(fixture.table.client, fixture.table.tableName, order.orderId);
    if (answer.status === 200) expect(stored?.return).toMatchObject({ returnId: answer.body.returnId });
    else
      expect({ answer, stored: stored?.return }).toMatchObject({
        answer: { status: 409, body: { error: 'ORDER_NOT_DELIVERED' } },
        stored: undefined,
      });
  });
});

describe('an address change whose answer was lost, sent again after the order shipped', () => {
  it('is answered 200 when the SDK resends it: the new address is the one stored and shipped to', async () => {
    const order = await copyOrder(fixture.table, 'ORD-1002'); // PLACED
    let lost = false;
    fixture.proxy.setPolicy((call) => {
      if (call.operation !== 'UpdateItem' || lost) return { kind: 'forward' };
      lost = true;
      return { kind: 'lose-answer', beforeDropping: () => markShipped(fixture.table, order.orderId) };
    });
    const answer = readAnswer(
      await createOrderActionsHandler()(updateShippingAddressEvent(order.orderId, NEW_ADDRESS)),
    );
    const stored = await storedOrder(fixture.table.client, fixture.table.tableName, order.orderId);
    expect(stored).toMatchObject({ status: 'SHIPPED', shippingAddress: NEW_ADDRESS, shippedTo: NEW_ADDRESS });
    expect(answer).toMatchObject({ status: 200, body: { shippingAddress: NEW_ADDRESS } });
  });

  it('is answered 200 when the agent retries after a 503: the change is already in place', async () => {
    const order = await copyOrder(fixture.table, 'ORD-1008'); // PLACED
    // Every answer to the write is lost (the SDK's three attempts): the agent hears 503 and asks again later.
    fixture.proxy.setPolicy((call) =>
      call.operation === 'UpdateItem' ? { kind: 'lose-answer' } : { kind: 'forward' },
    );
    const handler = createOrderActionsHandler({ timeBudgetMs: 1500 });
    expect(readAnswer(await handler(updateShippingAddressEvent(order.orderId, NEW_ADDRESS))).status).toBe(
      503,
    );
    fixture.proxy.setPolicy(() => ({ kind: 'forward' }));
    await markShipped(fixture.table, order.orderId);
    const retry = readAnswer(await handler(updateShippingAddressEvent(order.orderId, NEW_ADDRESS)));
    expect(await storedOrder(fixture.table.client, fixture.table.tableName, order.orderId)).toMatchObject({
      shippedTo: NEW_ADDRESS,
    });
    expect(retry).toMatchObject({ status: 200, body: { shippingAddress: NEW_ADDRESS } });
  });
});
