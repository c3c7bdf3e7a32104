import { GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { createOrderActionsHandler, handler } from '../../src';
import type { Order } from '../../src/domain';
import { marshallItem, unmarshallItem } from '../../src/store';
import { NEW_ADDRESS } from '../support/addresses';
import {
  bedrockEvent,
  getOrderStatusEvent,
  initiateReturnEvent,
  readAnswer,
  rememberOwner,
  updateShippingAddressEvent,
} from './support/bedrock-events';
import { startOrdersTable, type TestOrdersTable, useTableFromEnvironment } from './support/orders-table';

const DAY = 24 * 60 * 60 * 1000;

let table: TestOrdersTable;

beforeAll(async () => {
  table = await startOrdersTable();
  useTableFromEnvironment(table);
});
afterAll(() => table.stop());

async function call(event: unknown) {
  return readAnswer(await handler(event));
}

async function stored(orderId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await table.client.send(
    new GetItemCommand({
      TableName: table.tableName,
      Key: { orderId: { S: orderId } },
      ConsistentRead: true,
    }),
  );
  return Item && unmarshallItem(Item);
}

async function putOrder(order: Order): Promise<void> {
  await table.client.send(
    new PutItemCommand({ TableName: table.tableName, Item: marshallItem({ ...order }) }),
  );
  rememberOwner(order);
}

/** An order as seeded. */
function fixture(orderId: string): Order {
  const order = table.orders.find((candidate) => candidate.orderId === orderId);
  if (!order) throw new Error(`no fixture ${orderId}`);
  return order;
}

describe('getOrderStatus', () => {
  it('answers a delivered order with its delivery time and return window, echoing the event', async () => {
    const response = await handler(getOrderStatusEvent('ORD-1001'));
    expect(response).toMatchObject({
      messageVersion: '1.0',
      response: {
        actionGroup: 'order-management',
        apiPath: '/orders/{orderId}',
        httpMethod: 'GET',
        httpStatusCode: 200,
      },
      sessionAttributes: { customerTier: 'gold' },
    });
    const { body } = readAnswer(response);
    const order = fixture('ORD-1001');
    expect(body).toEqual({
      orderId: 'ORD-1001',
      status: 'DELIVERED',
      placedAt: order.placedAt,
      items: order.items,
      currency: 'USD',
      total: 108.99,
      deliveredAt: order.deliveredAt,
      returnWindowEndsAt: new Date(Date.parse(order.deliveredAt!) + 30 * DAY).toISOString(),
      shippingAddress: order.shippingAddress,
    });
  });

  it('answers an order on its way with the estimated delivery date', async () => {
    const { status, body } = await call(getOrderStatusEvent('ORD-1003'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'SHIPPED',
      estimatedDelivery: fixture('ORD-1003').estimatedDelivery,
    });
    expect(body).not.toHaveProperty('returnWindowEndsAt');
  });

  it('answers the return of an order that has one', async () => {
    const { body } = await call(getOrderStatusEvent('ORD-1006'));
    expect(body.return).toEqual({ ...fixture('ORD-1006').return, orderId: 'ORD-1006' });
  });

  it('answers 404 ORDER_NOT_FOUND for an unknown order', async () => {
    const { status, body } = await call(getOrderStatusEvent('ORD-999999'));
    expect(status).toBe(404);
    expect(body).toEqual({
      error: 'ORDER_NOT_FOUND',
      message: 'No order has the id ORD-999999. Ask the customer to check the order id.',
      orderId: 'ORD-999999',
    });
  });
});

describe('initiateReturn', () => {
  it('starts a return of a delivered order within the window, once', async () => {
    const first = await call(initiateReturnEvent('ORD-1004', 'The lamp flickers'));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      returnId: 'RET-1004',
      orderId: 'ORD-1004',
      status: 'REQUESTED',
      reason: 'The lamp flickers',
      requestedAt: expect.any(String),
      alreadyExisted: false,
    });
    expect(Math.abs(Date.parse(first.body.requestedAt as string) - Date.now())).toBeLessThan(5000);

    const retry = await call(initiateReturnEvent('ORD-1004', 'Another reason'));
    expect(retry).toEqual({ status: 200, body: { ...first.body, alreadyExisted: true } });
    expect((await call(getOrderStatusEvent('ORD-1004'))).body.return).toEqual({
      returnId: 'RET-1004',
      orderId: 'ORD-1004',
      status: 'REQUESTED',
      reason: 'The lamp flickers',
      requestedAt: first.body.requestedAt,
    });
  });

  it('answers the existing return of an order that already has one', async () => {
    const { status, body } = await call(initiateReturnEvent('ORD-1006', 'Broken'));
    expect(status).toBe(200);
    expect(body).toEqual({ ...fixture('ORD-1006').return, orderId: 'ORD-1006', alreadyExisted: true });
  });

  it.each([
    ['ORD-1002', 'PLACED'],
    ['ORD-1003', 'SHIPPED'],
    ['ORD-1007', 'CANCELLED'],
  ])('answers 409 ORDER_NOT_DELIVERED for %s (%s) and stores nothing', async (orderId, orderStatus) => {
    const { status, body } = await call(initiateReturnEvent(orderId, 'No longer needed'));
    expect(status).toBe(409);
    expect(body).toMatchObject({ error: 'ORDER_NOT_DELIVERED', orderId, status: orderStatus });
    expect(body.message).toContain(orderId);
    expect(await stored(orderId)).not.toHaveProperty('return');
  });

  it('answers 422 RETURN_WINDOW_CLOSED after 30 days and stores nothing', async () => {
    const order = fixture('ORD-1005');
    const { status, body } = await call(initiateReturnEvent('ORD-1005', 'Too small'));
    expect(status).toBe(422);
    expect(body).toEqual({
      error: 'RETURN_WINDOW_CLOSED',
      message: expect.stringContaining('can no longer be returned'),
      orderId: 'ORD-1005',
      deliveredAt: order.deliveredAt,
      returnWindowEndsAt: new Date(Date.parse(order.deliveredAt!) + 30 * DAY).toISOString(),
    });
    expect(await stored('ORD-1005')).not.toHaveProperty('return');
  });

  it('answers 404 for an unknown order and creates no item', async () => {
    const { status, body } = await call(initiateReturnEvent('ORD-31337', 'Broken'));
    expect(status).toBe(404);
    expect(body.error).toBe('ORDER_NOT_FOUND');
    expect(await stored('ORD-31337')).toBeUndefined();
  });

  it('creates exactly one return when 20 requests race on one order', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(initiateReturnEvent('ORD-1009', `reason ${i}`))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const created = answers.filter((answer) => answer.body.alreadyExisted === false);
    expect(created).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.body.returnId))).toEqual(new Set(['RET-1009']));
    expect(new Set(answers.map((answer) => answer.body.requestedAt))).toEqual(
      new Set([created[0]!.body.requestedAt]),
    );
    expect((await stored('ORD-1009'))?.return).toMatchObject({ reason: created[0]!.body.reason });
  });
});

describe('updateShippingAddress', () => {
  it('replaces the address of a PLACED order, optional parts included', async () => {
    const { status, body } = await call(updateShippingAddressEvent('ORD-1002', NEW_ADDRESS));
    expect(status).toBe(200);
    expect(body).toMatchObject({ orderId: 'ORD-1002', status: 'PLACED', shippingAddress: NEW_ADDRESS });
    // The old address had a line2; a replacement without one must not keep it.
    expect((await stored('ORD-1002'))?.shippingAddress).toEqual(NEW_ADDRESS);
    expect((await call(getOrderStatusEvent('ORD-1002'))).body.shippingAddress).toEqual(NEW_ADDRESS);
  });

  it.each([
    ['ORD-1010', 'SHIPPED'],
    ['ORD-1001', 'DELIVERED'],
    ['ORD-1007', 'CANCELLED'],
  ])(
    'answers 409 ADDRESS_CHANGE_NOT_ALLOWED for %s (%s) and keeps the address',
    async (orderId, orderStatus) => {
      const before = await stored(orderId);
      const { status, body } = await call(updateShippingAddressEvent(orderId, NEW_ADDRESS));
      expect(status).toBe(409);
      expect(body).toMatchObject({ error: 'ADDRESS_CHANGE_NOT_ALLOWED', orderId, status: orderStatus });
      expect(await stored(orderId)).toEqual(before);
    },
  );

  it('answers 404 for an unknown order and creates no item', async () => {
    const { status } = await call(updateShippingAddressEvent('ORD-31338', NEW_ADDRESS));
    expect(status).toBe(404);
    expect(await stored('ORD-31338')).toBeUndefined();
  });

  it('never changes the address of an order that shipped while the change was in flight', async () => {
    // 20 PLACED orders; on each, the address change races the warehouse marking it SHIPPED. The warehouse copies
    // the address it ships to; whatever the interleaving, the stored address must be the one shipped to, and
    // the answer must say which happened.
    const orders = Array.from({ length: 20 }, (_, i) => ({
      ...fixture('ORD-1008'),
      orderId: `ORD-${8000 + i}`,
    }));
    await Promise.all(orders.map(putOrder));
    const ship = (orderId: string) =>
      table.client.send(
        new UpdateItemCommand({
          TableName: table.tableName,
          Key: { orderId: { S: orderId } },
          UpdateExpression: 'SET #status = :shipped, shippedTo = shippingAddress',
          ConditionExpression: '#status = :placed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':shipped': { S: 'SHIPPED' }, ':placed': { S: 'PLACED' } },
        }),
      );
    const results = await Promise.all(
      orders.map(async ({ orderId }, i) => {
        // Alternate which request leaves first.
        const [answer] =
          i % 2 === 0
            ? await Promise.all([call(updateShippingAddressEvent(orderId, NEW_ADDRESS)), ship(orderId)])
            : await Promise.all([ship(orderId), call(updateShippingAddressEvent(orderId, NEW_ADDRESS))]).then(
                ([shipped, change]) => [change, shipped] as const,
              );
        return { orderId, answer };
      }),
    );
    for (const { orderId, answer } of results) {
      const item = await stored(orderId);
      expect(item?.status).toBe('SHIPPED');
      expect(item?.shippingAddress).toEqual(item?.shippedTo);
      if (answer.status === 200) {
        expect(answer.body.status).toBe('PLACED');
        expect(item?.shippingAddress).toEqual(NEW_ADDRESS);
      } else {
        expect(answer.status).toBe(409);
        expect(item?.shippingAddress).toEqual(fixture('ORD-1008').shippingAddress);
      }
    }
  });
});

describe('bad input gets a clear 4xx envelope, never a crash', () => {
  it.each([
    ['a missing orderId', bedrockEvent('/orders/{orderId}', 'GET', {}), 'orderId'],
    ['a malformed orderId', getOrderStatusEvent('1001'), 'orderId'],
    ['an orderId with 13 digits', getOrderStatusEvent('ORD-1234567890123'), 'orderId'],
    ['an oversized orderId', getOrderStatusEvent(`ORD-${'9'.repeat(5000)}`), 'orderId'],
    [
      'a missing reason',
      bedrockEvent('/orders/{orderId}/return', 'POST', { orderId: 'ORD-1001' }, {}),
      'reason',
    ],
    [
      'no request body at all',
      bedrockEvent('/orders/{orderId}/return', 'POST', { orderId: 'ORD-1001' }),
      'reason',
    ],
    ['a reason of 501 characters', initiateReturnEvent('ORD-1001', 'x'.repeat(501)), 'reason'],
    ['a reason of only spaces', initiateReturnEvent('ORD-1001', '   '), 'reason'],
    [
      'a missing city',
      updateShippingAddressEvent('ORD-1008', { ...NEW_ADDRESS, city: undefined as never }),
      'city',
    ],
    [
      'a lower-case country',
      updateShippingAddressEvent('ORD-1008', { ...NEW_ADDRESS, country: 'gb' }),
      'country',
    ],
    [
      'an oversized name',
      updateShippingAddressEvent('ORD-1008', { ...NEW_ADDRESS, name: 'n'.repeat(10_000) }),
      'name',
    ],
    [
      'a bad postal code',
      updateShippingAddressEvent('ORD-1008', { ...NEW_ADDRESS, postalCode: '--' }),
      'postalCode',
    ],
  ])('400 INVALID_PARAMETER for %s, naming the field', async (_what, event, field) => {
    const { status, body } = await call(event);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'INVALID_PARAMETER', field });
    expect(typeof body.message).toBe('string');
    expect(typeof body.allowed).toBe('string');
    expect(JSON.stringify(body).length).toBeLessThan(2000);
  });

  it('leaves the order untouched after refusing bad input', async () => {
    const before = await stored('ORD-1001');
    await call(initiateReturnEvent('ORD-1001', 'x'.repeat(501)));
    await call(initiateReturnEvent('ORD-1001', '   '));
    expect(await stored('ORD-1001')).toEqual(before);
  });

  it('404 UNKNOWN_OPERATION for an unknown path', async () => {
    const { status, body } = await call(bedrockEvent('/customers/{id}', 'GET', { id: '1' }));
    expect(status).toBe(404);
    expect(body.error).toBe('UNKNOWN_OPERATION');
  });

  it('405 METHOD_NOT_ALLOWED for a known path with the wrong method', async () => {
    const { status, body } = await call(bedrockEvent('/orders/{orderId}', 'DELETE', { orderId: 'ORD-1001' }));
    expect(status).toBe(405);
    expect(body.error).toBe('METHOD_NOT_ALLOWED');
  });

  it('400 for a malformed request body', async () => {
    const event = {
      ...initiateReturnEvent('ORD-1001', 'x'),
      requestBody: { content: { 'application/json': { properties: 'reason=x' } } },
    };
    const { status, body } = await call(event);
    expect(status).toBe(400);
    expect(body.error).toBe('MALFORMED_EVENT');
  });

  it.each([
    ['an empty event', {}],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'getOrderStatus ORD-1001'],
    ['an event without apiPath', { ...getOrderStatusEvent('ORD-1001'), apiPath: undefined }],
  ])('a 400 envelope for %s', async (_what, event) => {
    const response = (await handler(event)) as {
      messageVersion: string;
      response: { httpStatusCode: number };
    };
    expect(response.messageVersion).toBe('1.0');
    expect(response.response.httpStatusCode).toBe(400);
    expect(() => readAnswer(response)).not.toThrow();
  });
});

describe('configuration', () => {
  it('answers 500 INTERNAL_ERROR when ORDERS_TABLE is not set', async () => {
    const saved = process.env.ORDERS_TABLE;
    delete process.env.ORDERS_TABLE;
    try {
      const { status, body } = readAnswer(await createOrderActionsHandler()(getOrderStatusEvent('ORD-1001')));
      expect(status).toBe(500);
      expect(body.error).toBe('INTERNAL_ERROR');
    } finally {
      // Assigning undefined would leave the string "undefined" behind.
      if (saved === undefined) delete process.env.ORDERS_TABLE;
      else process.env.ORDERS_TABLE = saved;
    }
  });
});
