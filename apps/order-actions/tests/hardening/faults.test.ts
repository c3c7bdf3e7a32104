import { createOrderActionsHandler } from '../../src';
import {
  getOrderStatusEvent,
  initiateReturnEvent,
  readAnswer,
  updateShippingAddressEvent,
} from '../integration/support/bedrock-events';
import type { Fault } from '../support/dynamodb-proxy';
import { NEW_ADDRESS, useProxiedOrdersTable } from './support/fixtures';
import { copyOrder } from './support/orders';
import { scanTable, storedOrder } from './support/table-state';

// The table slow, hanging, dropping answers, throttling writes or gone, behind a loopback proxy that speaks
// DynamoDB's protocol: every answer is a 5xx envelope within the time budget (or a success after the SDK's own
// retries), and a request retried once the table is back completes exactly once. (A closed port and a silent
// server with the default budget are covered in tests/integration/unavailable.test.ts.)

/** A short budget keeps the suite fast; the client's own limits are the Lambda's (1 s per attempt, 3 attempts). */
const BUDGET_MS = 1500;
/** Room for a loaded test machine on top of the budget. */
const SLACK_MS = 750;
const fixture = useProxiedOrdersTable();

/** A handler as a fresh Lambda execution environment has it (its client is created on the first request). */
const newHandler = () => createOrderActionsHandler({ timeBudgetMs: BUDGET_MS });

async function timed(run: () => Promise<unknown>) {
  const started = performance.now();
  const answer = readAnswer(await run());
  return { ...answer, ms: performance.now() - started };
}

const writesOnly = (fault: Fault) => (call: { operation: string }) =>
  call.operation === 'UpdateItem' ? fault : ({ kind: 'forward' } as const);

function expectUnavailable(answer: { status: number; body: Record<string, unknown>; ms: number }) {
  expect(answer).toMatchObject({ status: 503, body: { error: 'ORDER_SYSTEM_UNAVAILABLE' } });
  expect(answer.ms).toBeLessThan(BUDGET_MS + SLACK_MS);
}

/** After recovery: the retried return is answered, stored once, and a further retry answers the same return. */
async function expectReturnedExactlyOnce(
  handler: ReturnType<typeof newHandler>,
  orderId: string,
  expectAlreadyStored: boolean,
) {
  const retry = readAnswer(await handler(initiateReturnEvent(orderId, 'retried after the outage')));
  expect(retry).toMatchObject({
    status: 200,
    body: { returnId: `RET-${orderId.slice(4)}`, alreadyExisted: expectAlreadyStored },
  });
  const again = readAnswer(await handler(initiateReturnEvent(orderId, 'and once more')));
  expect(again).toEqual({ status: 200, body: { ...retry.body, alreadyExisted: true } });
  const stored = (await storedOrder(fixture.table.client, fixture.table.tableName, orderId))
    ?.return as Record<string, unknown>;
  expect(stored).toMatchObject({
    returnId: retry.body.returnId,
    requestedAt: retry.body.requestedAt,
    reason: retry.body.reason,
  });
  return stored;
}

describe('a slow table', () => {
  it('still answers every operation within the budget when each answer takes 300 ms, writing once', async () => {
    const handler = newHandler();
    const returnable = await copyOrder(fixture.table, 'ORD-1001');
    const placed = await copyOrder(fixture.table, 'ORD-1002');
    fixture.proxy.setPolicy(() => ({ kind: 'forward', delayMs: 300 }));
    for (const event of [
      getOrderStatusEvent(returnable.orderId),
      initiateReturnEvent(returnable.orderId, 'Arrived late'),
      updateShippingAddressEvent(placed.orderId, NEW_ADDRESS),
    ]) {
      const answer = await timed(() => handler(event));
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(BUDGET_MS);
    }
    expect(fixture.proxy.calls.filter((call) => call.operation === 'UpdateItem')).toHaveLength(2);
    expect(
      (await storedOrder(fixture.table.client, fixture.table.tableName, placed.orderId))?.shippingAddress,
    ).toEqual(NEW_ADDRESS);
  });

  it('answers 503 within the budget when answers come after the client gives up, and the retry finds the write done', async () => {
    const handler = newHandler();
    const order = await copyOrder(fixture.table, 'ORD-1004');
    // The write reaches the table; its answer comes too late (after the 1 s per-attempt timeout).
    fixture.proxy.setPolicy(writesOnly({ kind: 'forward', delayMs: 1_200 }));
    expectUnavailable(await timed(() => handler(initiateReturnEvent(order.orderId, 'first try'))));
    fixture.proxy.setPolicy(() => ({ kind: 'forward' }));
    const stored = await expectReturnedExactlyOnce(handler, order.orderId, true);
    expect(stored.reason).toBe('first try');
  });
});

describe('a table that hangs', () => {
  it('answers 503 within the budget when nothing ever comes back, and the retry after recovery creates the return once', async () => {
    const handler = newHandler();
    const order = await copyOrder(fixture.table, 'ORD-1009');
    const before = await scanTable(fixture.table.client, fixture.table.tableName);
    fixture.proxy.setPolicy(() => ({ kind: 'stall' }));
    expectUnavailable(await timed(() => handler(initiateReturnEvent(order.orderId, 'first try'))));
    expect(await scanTable(fixture.table.client, fixture.table.tableName)).toEqual(before);
    fixture.proxy.setPolicy(() => ({ kind: 'forward' }));
    await expectReturnedExactlyOnce(handler, order.orderId, false);
  });

  it('answers 503 within the budget when an answer stops halfway through its body', async () => {
    const handler = newHandler();
    const order = await copyOrder(fixture.table, 'ORD-1001');
    fixture.proxy.setPolicy(() => ({ kind: 'stall-mid-answer' }));
    expectUnavailable(await timed(() => handler(getOrderStatusEvent(order.orderId))));
    expectUnavailable(await timed(() => handler(initiateReturnEvent(order.orderId, 'first try'))));
    fixture.proxy.setPolicy(() => ({ kind: 'forward' }));
    // The write was applied before its answer stalled: the retry answers that return.
    expect((await expectReturnedExactlyOnce(handler, order.orderId, true)).reason).toBe('first try');
  });
});

describe('lost answers', () => {
  it('answers the return a write created when its answer was lost and the SDK sent it again', async () => {
    const handler = newHandler();
    const order = await copyOrder(fixture.table, 'ORD-1004');
    let lost = 0;
    fixture.proxy.setPolicy((call) =>
      call.operation === 'UpdateItem' && lost++ === 0 ? { kind: 'lose-answer' } : { kind: 'forward' },
    );
    const answer = await timed(() => handler(initiateReturnEvent(order.orderId, 'first try')));
    expect(answer).toMatchObject({
      status: 200,
      body: { returnId: `RET-${order.orderId.slice(4)}`, reason: 'first try' },
    });
    expect(
      fixture.proxy.calls.filter((call) => call.operation === 'UpdateItem').map((call) => call.fault),
    ).toEqual(['lose-answer', 'forward']);
    await expectReturnedExactlyOnce(handler, order.orderId, true);
  });
});

describe('throttled writes', () => {
  it('succeed after the SDK retries a throttled UpdateItem (HTTP 400 ProvisionedThroughputExceededException)', async () => {
    const handler = newHandler();
    const order = await copyOrder(fixture.table, 'ORD-1009');
    const placed = await copyOrder(fixture.table, 'ORD-1008');
    const throttledOnce = new Set<string>();
    fixture.proxy.setPolicy((call) => {
      if (call.operation !== 'UpdateItem' || !call.orderId || throttledOnce.has(call.orderId))
        return { kind: 'forward' };
      throttledOnce.add(call.orderId);
      return { kind: 'throttle' };
    });
    const returned = await timed(() => handler(initiateReturnEvent(order.orderId, 'first try')));
    expect(returned).toMatchObject({ status: 200, body: { alreadyExisted: false, reason: 'first try' } });
    expect(returned.ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    const moved = await timed(() => handler(updateShippingAddressEvent(placed.orderId, NEW_ADDRESS)));
    expect(moved).toMatchObject({ status: 200, body: { shippingAddress: NEW_ADDRESS } });
    expect(
      fixture.proxy.calls.filter((call) => call.operation === 'UpdateItem').map((call) => call.fault),
    ).toEqual(['throttle', 'forward', 'throttle', 'forward']);
    await expectReturnedExactlyOnce(handler, order.orderId, true);
  });

  it('answer 503 within the budget while every write is throttled, change nothing, and complete once after', async () => {
    const handler = newHandler();
    const order = await copyOrder(fixture.table, 'ORD-1001');
    const placed = await copyOrder(fixture.table, 'ORD-1002');
    const before = await scanTable(fixture.table.client, fixture.table.tableName);
    fixture.proxy.setPolicy(writesOnly({ kind: 'throttle' }));
    expectUnavailable(await timed(() => handler(initiateReturnEvent(order.orderId, 'first try'))));
    expectUnavailable(await timed(() => handler(updateShippingAddressEvent(placed.orderId, NEW_ADDRESS))));
    expect(await scanTable(fixture.table.client, fixture.table.tableName)).toEqual(before);
    // Reads still work while writes are throttled.
    expect(readAnswer(await handler(getOrderStatusEvent(order.orderId))).status).toBe(200);

    fixture.proxy.setPolicy(() => ({ kind: 'forward' }));
    await expectReturnedExactlyOnce(handler, order.orderId, false);
    const moved = readAnswer(await handler(updateShippingAddressEvent(placed.orderId, NEW_ADDRESS)));
    expect(moved).toMatchObject({ status: 200, body: { shippingAddress: NEW_ADDRESS } });
  });
});

describe('a table that is gone, then back', () => {
  it('answers 503 at once while connections are refused, and the same warm handler serves again after', async () => {
    const handler = newHandler();
    const order = await copyOrder(fixture.table, 'ORD-1004');
    // Warm: the execution environment's client exists and has a kept-alive connection.
    expect(readAnswer(await handler(getOrderStatusEvent(order.orderId))).status).toBe(200);
    await fixture.proxy.pause();
    expectUnavailable(await timed(() => handler(initiateReturnEvent(order.orderId, 'first try'))));
    expectUnavailable(await timed(() => handler(getOrderStatusEvent(order.orderId))));
    await fixture.proxy.resume();
    await expectReturnedExactlyOnce(handler, order.orderId, false);
  });
});
