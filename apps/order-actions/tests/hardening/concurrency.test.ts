import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createOrderActionsHandler } from '../../src';
import { type Order, OrderService } from '../../src/domain';
import { createDynamoDbClient, DynamoDbOrderRepository, marshallItem } from '../../src/store';
import {
  initiateReturnEvent,
  readAnswer,
  rememberOwner,
  updateShippingAddressEvent,
} from '../integration/support/bedrock-events';
import { LOCAL_AWS_ENV, startOrdersTable, type TestOrdersTable } from '../integration/support/orders-table';
import { type DynamoDbProxy, startDynamoDbProxy } from '../support/dynamodb-proxy';
import { markDelivered, markShipped } from './support/orders';
import { storedOrder } from './support/table-state';

// Many returns and address changes at once on the same orders, while the warehouse (another system, writing to the
// table itself rather than through the handler) ships and then delivers each of them mid-flight. Afterwards every order must obey the
// rules, and every answer must agree with what is stored.
//
// Twice: with DynamoDB's behaviour (a refused write carries the item as it was, read atomically with the refusal:
// a loopback proxy adds it) and with dynalite as it is (the repository explains a refusal by reading the order
// afterwards, when the warehouse may already have moved it on).

const ORDERS = 8;
const EARLY_CHANGES = 12;
const LATE_CHANGES = 3;
const LATE_RETURNS = 6;
const SHIP_AFTER_CHANGES = 3;
const DELIVER_AFTER_RETURNS = 4;

let table: TestOrdersTable;
let proxy: DynamoDbProxy;
let warehouse: DynamoDBClient;
/** The warehouse writes through the proxy too, so the proxy orders its writes with the handler's. */
const warehouseTable = {
  get client() {
    return warehouse;
  },
  get tableName() {
    return table.tableName;
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const addressFor = (orderId: string, k: number) => ({
  name: `Customer ${orderId} #${k}`,
  line1: `${k} New Road`,
  city: 'Leeds',
  postalCode: 'LS1 4AP',
  country: 'GB',
});

type Answer = ReturnType<typeof readAnswer>;

/** Resolves `done` once tick() has been called `n` times. */
function countdown(n: number): { tick(): void; done: Promise<void> } {
  let left = n;
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    tick() {
      left -= 1;
      if (left === 0) release();
    },
    done,
  };
}

describe.each([
  ['DynamoDB (the refusal carries the old item)', true],
  ['dynalite as is (the refusal is explained by a later read)', false],
])('concurrent returns and address changes while orders ship and arrive, on %s', (_store, returnOldItem) => {
  beforeAll(async () => {
    table = await startOrdersTable();
    proxy = await startDynamoDbProxy(table.endpoint, { returnOldItemOnConditionFailure: returnOldItem });
    Object.assign(process.env, LOCAL_AWS_ENV, {
      AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint,
      ORDERS_TABLE: table.tableName,
    });
    warehouse = new DynamoDBClient({
      endpoint: proxy.endpoint,
      region: LOCAL_AWS_ENV.AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(async () => {
    warehouse.destroy();
    await proxy.stop();
    await table.stop();
  });

  it('keeps one return per order, no address change after shipment, and no lost write', async () => {
    // The real handler and repository; the client is given room (no SDK retry, long timeouts) because this test is
    // about the rules under contention, not about a slow table (faults.test.ts is): with the default 1 s timeout
    // and 3 attempts, a loaded test machine turns some calls into retries or 503s.
    const client = createDynamoDbClient({
      requestTimeoutMs: 20_000,
      connectionTimeoutMs: 5_000,
      maxAttempts: 1,
    });
    const repository = new DynamoDbOrderRepository({ client, tableName: table.tableName });
    const handler = createOrderActionsHandler({
      orderService: new OrderService({ repository }),
      timeBudgetMs: 30_000,
    });
    const call = async (event: unknown) => readAnswer(await handler(event));
    const template = table.orders.find((order) => order.orderId === 'ORD-1002')!;
    const originals: Order[] = Array.from({ length: ORDERS }, (_, i) => ({
      ...template,
      orderId: `ORD-${9100 + i}`,
    }));
    await Promise.all(
      originals.map((order) =>
        table.client.send(
          new PutItemCommand({ TableName: table.tableName, Item: marshallItem({ ...order }) }),
        ),
      ),
    );
    for (const order of originals) rememberOwner(order);

    const perOrder = await Promise.all(
      originals.map(async ({ orderId }) => {
        const changes: Promise<{ k: number; answer: Answer }>[] = [];
        const returns: Promise<{ reason: string; answer: Answer }>[] = [];
        const changed = countdown(SHIP_AFTER_CHANGES);
        const refused = countdown(DELIVER_AFTER_RETURNS);
        const change = (k: number) =>
          changes.push(
            call(updateShippingAddressEvent(orderId, addressFor(orderId, k))).then((answer) => {
              changed.tick();
              return { k, answer };
            }),
          );
        const ret = (reason: string) =>
          returns.push(
            call(initiateReturnEvent(orderId, reason)).then((answer) => {
              refused.tick();
              return { reason, answer };
            }),
          );
        // Requests leave one after another, a millisecond apart, so the warehouse's writes land among them.
        const early = (async () => {
          for (let k = 0; k < EARLY_CHANGES; k++) {
            change(k);
            ret(`early ${k}`);
            await sleep(1);
          }
        })();
        // The warehouse: ships once a few address changes are through (copying the address it ships to), then
        // delivers once a few returns have been refused, while the rest are in flight.
        await changed.done;
        await markShipped(warehouseTable, orderId);
        for (let k = EARLY_CHANGES; k < EARLY_CHANGES + LATE_CHANGES; k++) change(k);
        await refused.done;
        await markDelivered(warehouseTable, orderId);
        await early;
        for (let r = 0; r < LATE_RETURNS; r++) ret(`late ${r}`);
        return { orderId, changes: await Promise.all(changes), returns: await Promise.all(returns) };
      }),
    );
    // The race was real: address changes both landed and were refused, early returns were both refused and taken.
    const all = perOrder.flatMap((order) => order.changes.map(({ answer }) => answer.status));
    expect(all).toContain(200);
    expect(all).toContain(409);
    const earlyReturns = perOrder.flatMap((order) =>
      order.returns.filter(({ reason }) => reason.startsWith('early')),
    );
    expect(earlyReturns.map(({ answer }) => answer.status)).toContain(409);

    client.destroy();
    for (const [i, { orderId, changes, returns }] of perOrder.entries()) {
      const original = originals[i]!;
      const item = (await storedOrder(table.client, table.tableName, orderId))!;

      // No lost write: the warehouse's status changes and the order's other data survive every request.
      expect(item).toMatchObject({
        status: 'DELIVERED',
        deliveredAt: expect.any(String),
        placedAt: original.placedAt,
        items: original.items,
        total: original.total,
        currency: original.currency,
      });
      expect(item).not.toHaveProperty('estimatedDelivery');

      // Address changes: each answer is 200 (stored while PLACED) or 409 (refused once shipped), and the address
      // the warehouse shipped to is the one stored: no change landed after shipment.
      for (const { k, answer } of changes) {
        if (answer.status === 200)
          expect(answer.body).toMatchObject({ status: 'PLACED', shippingAddress: addressFor(orderId, k) });
        else expect(answer).toMatchObject({ status: 409, body: { error: 'ADDRESS_CHANGE_NOT_ALLOWED' } });
      }
      for (const { k, answer } of changes.filter(({ k }) => k >= EARLY_CHANGES)) {
        expect([k, answer.status]).toEqual([k, 409]);
      }
      expect(item.shippingAddress).toEqual(item.shippedTo);
      const acknowledged = changes
        .filter(({ answer }) => answer.status === 200)
        .map(({ k }) => addressFor(orderId, k));
      expect([original.shippingAddress, ...acknowledged]).toContainEqual(item.shippedTo);
      if (acknowledged.length > 0) expect(acknowledged).toContainEqual(item.shippedTo);

      // Returns: refused (409) before delivery; after it, exactly one created and every other answer is that one.
      const accepted = returns.filter(({ answer }) => answer.status === 200);
      for (const { answer } of returns.filter(({ answer }) => answer.status !== 200)) {
        expect(answer).toMatchObject({ status: 409, body: { error: 'ORDER_NOT_DELIVERED' } });
      }
      expect(accepted.length).toBeGreaterThanOrEqual(LATE_RETURNS);
      const created = accepted.filter(({ answer }) => answer.body.alreadyExisted === false);
      expect(created).toHaveLength(1);
      const stored = item.return as Record<string, unknown>;
      expect(stored).toEqual({
        returnId: `RET-${orderId.slice(4)}`,
        status: 'REQUESTED',
        reason: created[0]!.reason,
        requestedAt: created[0]!.answer.body.requestedAt,
      });
      for (const { answer } of accepted) {
        expect(answer.body).toMatchObject({
          returnId: stored.returnId,
          requestedAt: stored.requestedAt,
          reason: stored.reason,
        });
      }
    }
  }, 90_000);
});
