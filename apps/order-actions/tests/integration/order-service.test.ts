import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  AddressChangeNotAllowedError,
  type Order,
  OrderNotDeliveredError,
  OrderNotFoundError,
  OrderService,
  ReturnWindowClosedError,
} from '../../src/domain';
import { fixtureOrders } from '../../src/local';
import {
  createDynamoDbClient,
  type DynamoDbItemClient,
  DynamoDbOrderRepository,
  InvalidOrderItemError,
  marshallItem,
  unmarshallItem,
} from '../../src/store';
import { NEW_ADDRESS } from '../support/addresses';
import { countByOperation, type DynamoDbProxy, startDynamoDbProxy } from '../support/dynamodb-proxy';
import { ownerOf } from './support/bedrock-events';
import { LOCAL_AWS_ENV, startOrdersTable, type TestOrdersTable } from './support/orders-table';

const DAY = 24 * 60 * 60 * 1000;
/** A request about an order by its owner. */
const mine = (orderId: string) => ({ customerId: ownerOf(orderId), orderId });

// Both ways a refused write is explained: DynamoDB sends the old item with the error; dynalite does not, and the
// repository then reads the order once, consistently.
describe.each([
  ['the old item comes with the refusal (DynamoDB)', true],
  ['the old item is read after the refusal (dynalite as is)', false],
])('order service on DynamoDB when %s', (_mode, returnOldItem) => {
  let table: TestOrdersTable;
  let proxy: DynamoDbProxy;
  let client: DynamoDbItemClient;
  let service: OrderService;
  const serviceAt = (now: Date) =>
    new OrderService({ repository: repositoryOf(client, table), clock: () => now });

  beforeAll(async () => {
    table = await startOrdersTable();
    proxy = await startDynamoDbProxy(table.endpoint, { returnOldItemOnConditionFailure: returnOldItem });
    client = createDynamoDbClient({
      endpoint: proxy.endpoint,
      region: LOCAL_AWS_ENV.AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    service = new OrderService({ repository: repositoryOf(client, table) });
  });
  afterAll(async () => {
    client.destroy();
    await proxy.stop();
    await table.stop();
  });
  beforeEach(() => {
    proxy.calls.length = 0;
  });

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

  it('reads an order with one consistent GetItem', async () => {
    const view = await service.getOrderStatus(mine('ORD-1001'));
    expect(view).toMatchObject({ orderId: 'ORD-1001', status: 'DELIVERED' });
    expect(Date.parse(view.returnWindowEndsAt!) - Date.parse(view.deliveredAt!)).toBe(30 * DAY);
    expect(countByOperation(proxy.calls)).toEqual({ GetItem: 1 });
  });

  it('answers OrderNotFoundError for an unknown order', async () => {
    await expect(service.getOrderStatus(mine('ORD-999999'))).rejects.toThrow(OrderNotFoundError);
  });

  it('starts a return with one UpdateItem, and answers the same return on every retry', async () => {
    const first = await service.initiateReturn({ ...mine('ORD-1004'), reason: 'The lamp flickers' });
    expect(first).toMatchObject({
      returnId: 'RET-1004',
      orderId: 'ORD-1004',
      status: 'REQUESTED',
      alreadyExisted: false,
    });
    expect(countByOperation(proxy.calls)).toEqual({ UpdateItem: 1 });
    expect((await stored('ORD-1004'))?.return).toEqual({
      returnId: 'RET-1004',
      status: 'REQUESTED',
      reason: 'The lamp flickers',
      requestedAt: first.requestedAt,
    });

    proxy.calls.length = 0;
    const again = await service.initiateReturn({ ...mine('ORD-1004'), reason: 'Changed my mind' });
    expect(again).toEqual({ ...first, alreadyExisted: true });
    expect(countByOperation(proxy.calls)).toEqual(
      returnOldItem ? { UpdateItem: 1 } : { UpdateItem: 1, GetItem: 1 },
    );
  });

  it('refuses a return of an order not delivered (409 rule) and changes nothing', async () => {
    const before = await stored('ORD-1003');
    await expect(service.initiateReturn({ ...mine('ORD-1003'), reason: 'Too slow' })).rejects.toThrow(
      OrderNotDeliveredError,
    );
    expect(await stored('ORD-1003')).toEqual(before);
  });

  it('refuses a return after the window (422 rule) and changes nothing', async () => {
    const before = await stored('ORD-1005');
    await expect(service.initiateReturn({ ...mine('ORD-1005'), reason: 'Too small' })).rejects.toThrow(
      ReturnWindowClosedError,
    );
    expect(await stored('ORD-1005')).toEqual(before);
  });

  it('refuses a return of an unknown order without creating an item', async () => {
    await expect(service.initiateReturn({ ...mine('ORD-424242'), reason: 'Broken' })).rejects.toThrow(
      OrderNotFoundError,
    );
    expect(await stored('ORD-424242')).toBeUndefined();
  });

  it('holds the window to the millisecond in the condition expression', async () => {
    const deliveredAt = new Date(Date.now() - 40 * DAY);
    const [template] = fixtureOrders().filter((order) => order.orderId === 'ORD-1001');
    for (const orderId of ['ORD-7001', 'ORD-7002']) {
      const order: Order = { ...template!, orderId, deliveredAt: deliveredAt.toISOString() };
      await table.client.send(
        new PutItemCommand({ TableName: table.tableName, Item: marshallItem({ ...order }) }),
      );
    }
    const lastMoment = new Date(deliveredAt.getTime() + 30 * DAY);
    await expect(
      serviceAt(lastMoment).initiateReturn({ ...mine('ORD-7001'), reason: 'x' }),
    ).resolves.toMatchObject({
      alreadyExisted: false,
    });
    const oneMsLate = new Date(lastMoment.getTime() + 1);
    await expect(serviceAt(oneMsLate).initiateReturn({ ...mine('ORD-7002'), reason: 'x' })).rejects.toThrow(
      ReturnWindowClosedError,
    );
  });

  it('replaces the address of a PLACED order and answers the order as stored', async () => {
    const view = await service.updateShippingAddress({ ...mine('ORD-1008'), address: NEW_ADDRESS });
    expect(view).toMatchObject({ orderId: 'ORD-1008', status: 'PLACED', shippingAddress: NEW_ADDRESS });
    expect((await stored('ORD-1008'))?.shippingAddress).toEqual(NEW_ADDRESS);
    expect(countByOperation(proxy.calls)).toEqual({ UpdateItem: 1 });
  });

  it.each(['ORD-1003', 'ORD-1001', 'ORD-1007'])(
    'refuses an address change on %s and changes nothing',
    async (orderId) => {
      const before = await stored(orderId);
      await expect(service.updateShippingAddress({ ...mine(orderId), address: NEW_ADDRESS })).rejects.toThrow(
        AddressChangeNotAllowedError,
      );
      expect(await stored(orderId)).toEqual(before);
    },
  );

  it('refuses an address change of an unknown order without creating an item', async () => {
    await expect(
      service.updateShippingAddress({ ...mine('ORD-424243'), address: NEW_ADDRESS }),
    ).rejects.toThrow(OrderNotFoundError);
    expect(await stored('ORD-424243')).toBeUndefined();
  });

  it('reports a stored item that breaks the order shape as such', async () => {
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: marshallItem({ orderId: 'ORD-6666', customerId: 'CUST-1001', status: 'LOST' }),
      }),
    );
    await expect(service.getOrderStatus(mine('ORD-6666'))).rejects.toThrow(InvalidOrderItemError);
  });
});

function repositoryOf(client: DynamoDbItemClient, table: TestOrdersTable): DynamoDbOrderRepository {
  return new DynamoDbOrderRepository({ client, tableName: table.tableName });
}
