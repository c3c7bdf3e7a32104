import { createOrderActionsHandler } from '../../../src';
import {
  startOrdersTable,
  type TestOrdersTable,
  useTableFromEnvironment,
} from '../../integration/support/orders-table';
import { type DynamoDbProxy, startDynamoDbProxy } from '../../support/dynamodb-proxy';

/** A valid new shipping address (no optional fields). */
export { NEW_ADDRESS } from '../../support/addresses';

export interface ProxiedOrdersTable {
  readonly table: TestOrdersTable;
  /** What the handler's client talks to: set a policy to inject faults. */
  readonly proxy: DynamoDbProxy;
}

export interface OrdersTableWithHandler {
  readonly table: TestOrdersTable;
  /** One handler for the whole file, its client on the table (as a warm Lambda has it). */
  readonly handler: ReturnType<typeof createOrderActionsHandler>;
}

/**
 * For the whole test file: the seeded orders table behind a DynamoDB proxy, and the environment the handler reads
 * pointed at the proxy. After each test the proxy forwards everything again, listens again and forgets its calls.
 * Read the fields inside tests and hooks (they are set in beforeAll).
 */
export function useProxiedOrdersTable(): ProxiedOrdersTable {
  let table: TestOrdersTable | undefined;
  let proxy: DynamoDbProxy | undefined;
  beforeAll(async () => {
    table = await startOrdersTable();
    proxy = await startDynamoDbProxy(table.endpoint);
    useTableFromEnvironment({ endpoint: proxy.endpoint, tableName: table.tableName });
  });
  afterEach(async () => {
    proxy?.setPolicy(() => ({ kind: 'forward' }));
    await proxy?.resume().catch(() => {});
    if (proxy) proxy.calls.length = 0;
  });
  afterAll(async () => {
    await proxy?.stop();
    await table?.stop();
  });
  return {
    get table() {
      return started(table);
    },
    get proxy() {
      return started(proxy);
    },
  };
}

/**
 * For the whole test file: the seeded orders table (no proxy), the environment the handler reads pointed at it,
 * and one handler. Read the fields inside tests and hooks (they are set in beforeAll).
 */
export function useOrdersTableWithHandler(): OrdersTableWithHandler {
  let table: TestOrdersTable | undefined;
  let handler: ReturnType<typeof createOrderActionsHandler> | undefined;
  beforeAll(async () => {
    table = await startOrdersTable();
    useTableFromEnvironment(table);
    handler = createOrderActionsHandler();
  });
  afterAll(() => table?.stop());
  return {
    get table() {
      return started(table);
    },
    get handler() {
      return started(handler);
    },
  };
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the fixture is read before its beforeAll ran');
  return value;
}
