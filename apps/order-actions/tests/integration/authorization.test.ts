import { createOrderActionsHandler } from '../../src';
import { OrderService } from '../../src/domain';
import { createDynamoDbClient, type DynamoDbItemClient, DynamoDbOrderRepository } from '../../src/store';
import { scanTable, storedOrder } from '../hardening/support/table-state';
import { NEW_ADDRESS } from '../support/addresses';
import { countByOperation, type DynamoDbProxy, startDynamoDbProxy } from '../support/dynamodb-proxy';
import {
  type Caller,
  CUSTOMER_A,
  CUSTOMER_B,
  getOrderStatusEvent,
  initiateReturnEvent,
  readAnswer,
  updateShippingAddressEvent,
} from './support/bedrock-events';
import { LOCAL_AWS_ENV, startOrdersTable, type TestOrdersTable } from './support/orders-table';

// Customers act only on their own orders. Through the real handler on dynalite, both with DynamoDB's behaviour
// (a refused write carries the item as it was, here another customer's) and with dynalite's (read afterwards).

/** The three operations on one order, in one customer's session. */
const operations = {
  getOrderStatus: (orderId: string, caller: Caller) => getOrderStatusEvent(orderId, caller),
  initiateReturn: (orderId: string, caller: Caller) => initiateReturnEvent(orderId, 'Arrived broken', caller),
  updateShippingAddress: (orderId: string, caller: Caller) =>
    updateShippingAddressEvent(orderId, NEW_ADDRESS, caller),
};
const operationNames = Object.keys(operations) as (keyof typeof operations)[];

/** The answer with the order id written as ID, so answers about different ids can be compared. */
function shapeOf(answer: { status: number; body: Record<string, unknown> }, orderId: string) {
  return JSON.parse(JSON.stringify(answer).split(orderId).join('ID'));
}

describe.each([
  ['the refusal carries the old item (DynamoDB)', true],
  ['the refusal is explained by a later read (dynalite as is)', false],
])('authorization when %s', (_mode, returnOldItem) => {
  let table: TestOrdersTable;
  let proxy: DynamoDbProxy;
  let client: DynamoDbItemClient;
  let handler: ReturnType<typeof createOrderActionsHandler>;
  const call = async (event: unknown) => readAnswer(await handler(event));
  const snapshot = () => scanTable(table.client, table.tableName);

  beforeAll(async () => {
    table = await startOrdersTable();
    proxy = await startDynamoDbProxy(table.endpoint, { returnOldItemOnConditionFailure: returnOldItem });
    client = createDynamoDbClient({
      endpoint: proxy.endpoint,
      region: LOCAL_AWS_ENV.AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const repository = new DynamoDbOrderRepository({ client, tableName: table.tableName });
    handler = createOrderActionsHandler({ orderService: new OrderService({ repository }) });
  });
  afterAll(async () => {
    client.destroy();
    await proxy.stop();
    await table.stop();
  });
  beforeEach(() => {
    proxy.calls.length = 0;
  });

  it('lets the owner read and change their orders', async () => {
    expect((await call(getOrderStatusEvent('ORD-1003', CUSTOMER_A))).body).toMatchObject({
      orderId: 'ORD-1003',
      status: 'SHIPPED',
    });
    const returned = await call(initiateReturnEvent('ORD-1009', 'Too big', CUSTOMER_B));
    expect(returned).toMatchObject({ status: 200, body: { returnId: 'RET-1009', alreadyExisted: false } });
    const moved = await call(updateShippingAddressEvent('ORD-1002', NEW_ADDRESS, CUSTOMER_B));
    expect(moved).toMatchObject({ status: 200, body: { shippingAddress: NEW_ADDRESS } });
    expect((await storedOrder(table.client, table.tableName, 'ORD-1002'))?.shippingAddress).toEqual(
      NEW_ADDRESS,
    );
  });

  // CUSTOMER_B's orders in every status: a rule would refuse some of them (409, 422) for their owner, but another
  // customer must learn nothing, not even the status.
  it.each(['ORD-1002', 'ORD-1005', 'ORD-1009'])(
    "answers another customer's %s exactly as a missing order, and changes nothing",
    async (orderId) => {
      const before = await snapshot();
      for (const name of operationNames) {
        const theirs = await call(operations[name](orderId, CUSTOMER_A));
        const missing = await call(operations[name]('ORD-990099', CUSTOMER_A));
        expect(theirs.status).toBe(404);
        expect(shapeOf(theirs, orderId)).toEqual(shapeOf(missing, 'ORD-990099'));
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it("answers 15 concurrent attempts on other customers' orders as missing orders, changing nothing", async () => {
    const before = await snapshot();
    const attempts = Array.from({ length: 15 }, (_, i) => {
      const orderId = ['ORD-1002', 'ORD-1009', 'ORD-1004', 'ORD-1010', 'ORD-1006'][i % 5]!;
      const intruder = orderId === 'ORD-1002' || orderId === 'ORD-1009' ? CUSTOMER_A : CUSTOMER_B;
      return call(
        i % 2 === 0
          ? operations.initiateReturn(orderId, intruder)
          : operations.updateShippingAddress(orderId, intruder),
      );
    });
    const answers = await Promise.all(attempts);
    expect(answers.map((answer) => [answer.status, answer.body.error])).toEqual(
      Array(15).fill([404, 'ORDER_NOT_FOUND']),
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['no customerId', null],
    ['an empty customerId', ''],
    ['a customerId of spaces', '   '],
  ])(
    'refuses a session with %s (401, sign in) for every operation, reading and writing nothing',
    async (_what, caller) => {
      for (const name of operationNames) {
        const { status, body } = await call(operations[name]('ORD-1001', caller));
        expect(status).toBe(401);
        expect(body).toEqual({ error: 'CUSTOMER_NOT_SIGNED_IN', message: expect.stringMatching(/sign in/) });
      }
      expect(proxy.calls).toEqual([]);
    },
  );

  it('never takes the customer from promptSessionAttributes, parameters or the body', async () => {
    const event = {
      ...initiateReturnEvent('ORD-1001', 'Broken', null),
      promptSessionAttributes: { customerId: CUSTOMER_A },
      parameters: [
        { name: 'orderId', type: 'string', value: 'ORD-1001' },
        { name: 'customerId', type: 'string', value: CUSTOMER_A },
      ],
    };
    expect((await call(event)).status).toBe(401);
    expect(proxy.calls).toEqual([]);
  });

  it('returns the session attributes exactly as they came', async () => {
    for (const caller of [CUSTOMER_A, CUSTOMER_B, null]) {
      const event = initiateReturnEvent('ORD-1004', 'Broken', caller);
      const response = await handler(event);
      expect(response.sessionAttributes).toEqual(event.sessionAttributes);
      expect(response.promptSessionAttributes).toEqual(event.promptSessionAttributes);
    }
    expect(countByOperation(proxy.calls).PutItem).toBeUndefined();
  });
});
