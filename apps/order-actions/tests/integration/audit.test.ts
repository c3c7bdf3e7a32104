import { Logger } from '@aws-lambda-powertools/logger';
import { createOrderActionsHandler } from '../../src';
import { AUDIT_KEY, AUDIT_MESSAGE, type AuditRecord } from '../../src/audit-log';
import { NEW_ADDRESS } from '../support/addresses';
import {
  CUSTOMER_A,
  CUSTOMER_B,
  getOrderStatusEvent,
  initiateReturnEvent,
  readAnswer,
  updateShippingAddressEvent,
} from './support/bedrock-events';
import { startOrdersTable, type TestOrdersTable, useTableFromEnvironment } from './support/orders-table';

// Every write request, refused ones included, writes exactly one audit record through the Powertools logger, with
// the documented fields (README, "Audit trail"); reads write none. Read here from the logger's JSON lines.

let table: TestOrdersTable;
let lines: string[];
let handler: ReturnType<typeof createOrderActionsHandler>;
const context = { awsRequestId: 'req-0001' };

beforeAll(async () => {
  table = await startOrdersTable();
  useTableFromEnvironment(table);
  // The real logger, as the Lambda has it, writing JSON lines to stdout; captured here instead of printed.
  handler = createOrderActionsHandler({
    auditLogger: new Logger({ serviceName: 'order-actions', logLevel: 'INFO' }),
  });
});
afterAll(() => table.stop());
beforeEach(() => {
  lines = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
});
afterEach(() => jest.restoreAllMocks());

/** The audit records logged so far, and the raw lines they were read from. */
function auditRecords(): AuditRecord[] {
  return lines
    .flatMap((line) => line.split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((item) => item.message === AUDIT_MESSAGE)
    .map((item) => {
      expect(item).toMatchObject({ level: 'INFO', service: 'order-actions' });
      return item[AUDIT_KEY] as AuditRecord;
    });
}

const FIELDS: (keyof AuditRecord)[] = [
  'schemaVersion',
  'time',
  'requestId',
  'agentId',
  'agentAliasId',
  'sessionId',
  'customerId',
  'orderId',
  'operation',
  'outcome',
  'reason',
  'changedFields',
  'returnId',
];

it('records an applied address change with the names of the fields that changed, not the old address', async () => {
  const before = table.orders.find((order) => order.orderId === 'ORD-1008')!.shippingAddress;
  const answer = readAnswer(
    await handler(updateShippingAddressEvent('ORD-1008', NEW_ADDRESS, CUSTOMER_A), context),
  );
  expect(answer.status).toBe(200);
  const [record, ...more] = auditRecords();
  expect(more).toEqual([]);
  expect(Object.keys(record!).sort()).toEqual([...FIELDS].sort());
  expect(record).toEqual({
    schemaVersion: 1,
    time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    requestId: 'req-0001',
    agentId: 'AGENT12345',
    agentAliasId: 'TSTALIASID',
    sessionId: '123456789012345',
    customerId: CUSTOMER_A,
    orderId: 'ORD-1008',
    operation: 'updateShippingAddress',
    outcome: 'APPLIED',
    reason: null,
    changedFields: ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'].filter(
      (field) =>
        (before[field as keyof typeof before] ?? '') !==
        (NEW_ADDRESS[field as keyof typeof NEW_ADDRESS] ?? ''),
    ),
    returnId: null,
  });
  expect(record!.changedFields).toContain('line1');
  const logged = lines.join('');
  for (const oldValue of [before.line1, before.city, before.postalCode])
    expect(logged).not.toContain(oldValue);
});

it('records a retried address change as UNCHANGED with no changed fields', async () => {
  await handler(updateShippingAddressEvent('ORD-1008', NEW_ADDRESS, CUSTOMER_A), context);
  expect(auditRecords()).toMatchObject([{ outcome: 'UNCHANGED', changedFields: [] }]);
});

it.each([
  [
    'a new return',
    initiateReturnEvent('ORD-1004', 'Flickers', 'CUST-1003'),
    { outcome: 'APPLIED', returnId: 'RET-1004' },
  ],
  [
    'the same return again',
    initiateReturnEvent('ORD-1004', 'Again', 'CUST-1003'),
    { outcome: 'UNCHANGED', returnId: 'RET-1004' },
  ],
  [
    'a refused return',
    initiateReturnEvent('ORD-1003', 'Slow', CUSTOMER_A),
    { outcome: 'REFUSED', reason: 'ORDER_NOT_DELIVERED', returnId: null },
  ],
  [
    'a missing order',
    initiateReturnEvent('ORD-555555', 'Slow', CUSTOMER_A),
    { outcome: 'NOT_FOUND', reason: 'ORDER_NOT_FOUND', orderId: 'ORD-555555' },
  ],
  [
    "another customer's order",
    updateShippingAddressEvent('ORD-1002', NEW_ADDRESS, CUSTOMER_A),
    { outcome: 'NOT_OWNER', reason: 'ORDER_NOT_FOUND', customerId: CUSTOMER_A, changedFields: [] },
  ],
  [
    'no signed-in customer',
    initiateReturnEvent('ORD-1001', 'Broken', null),
    { outcome: 'NOT_SIGNED_IN', reason: 'CUSTOMER_NOT_SIGNED_IN', customerId: null, orderId: null },
  ],
  [
    'a reason the domain refuses',
    initiateReturnEvent('ORD-1009', '   ', CUSTOMER_B),
    { outcome: 'INVALID_INPUT', reason: 'INVALID_PARAMETER', orderId: 'ORD-1009' },
  ],
])('records %s', async (_what, event, expected) => {
  await handler(event, context);
  const records = auditRecords();
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    operation: event.apiPath.endsWith('return') ? 'initiateReturn' : 'updateShippingAddress',
    ...expected,
  });
});

it('records nothing for a read', async () => {
  await handler(getOrderStatusEvent('ORD-1001', CUSTOMER_A), context);
  await handler(getOrderStatusEvent('ORD-1001', CUSTOMER_B), context);
  expect(auditRecords()).toEqual([]);
});
