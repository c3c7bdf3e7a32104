import { UsageError } from '../../src/errors';
import { buildActionEvent, parseAssignments } from '../../src/local/action-event';
import { OperationCatalog } from '../../src/schema/operation-catalog';

// A schema with every parameter location, to check that the schema alone decides where a key goes.
const catalog = OperationCatalog.fromDocument({
  openapi: '3.0.0',
  paths: {
    '/items/{itemId}': {
      post: {
        operationId: 'tagItem',
        parameters: [
          { name: 'itemId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'dryRun', in: 'query', schema: { type: 'boolean' } },
          { name: 'x-tenant', in: 'header', schema: { type: 'string' } },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['tag'],
                properties: { tag: { type: 'string' }, weight: { type: 'number' } },
              },
            },
          },
        },
      },
    },
  },
});
const tagItem = catalog.get('tagItem')!;

test('parameters (path, query, header) and body properties are placed by the schema, values kept as strings', () => {
  const { event, missing } = buildActionEvent(
    tagItem,
    parseAssignments(['weight=1.5', 'itemId=I-1', 'dryRun=true', 'x-tenant=acme', 'tag=a=b']),
    { actionGroup: 'items', sessionId: 'sess' },
  );
  expect(missing).toEqual([]);
  expect(event.parameters).toEqual([
    { name: 'itemId', type: 'string', value: 'I-1' },
    { name: 'dryRun', type: 'boolean', value: 'true' },
    { name: 'x-tenant', type: 'string', value: 'acme' },
  ]);
  expect(event.requestBody).toEqual({
    content: {
      'application/json': {
        properties: [
          { name: 'tag', type: 'string', value: 'a=b' },
          { name: 'weight', type: 'number', value: '1.5' },
        ],
      },
    },
  });
  expect(event).toMatchObject({
    apiPath: '/items/{itemId}',
    httpMethod: 'POST',
    actionGroup: 'items',
    sessionId: 'sess',
  });
});

test('required keys left out are reported, not invented', () => {
  const { event, missing } = buildActionEvent(tagItem, parseAssignments([]), { actionGroup: 'items' });
  expect(missing).toEqual(['itemId', 'tag']);
  expect(event.parameters).toEqual([]);
  expect(event.sessionId).toMatch(/^local-/);
});

test('an operation without a request body sends none', () => {
  const getOrderStatus = OperationCatalog.orderManagement().get('getOrderStatus')!;
  const { event } = buildActionEvent(getOrderStatus, parseAssignments(['orderId=ORD-1']), {
    actionGroup: 'g',
  });
  expect('requestBody' in event).toBe(false);
});

test('empty values are allowed; keys without "=" are not', () => {
  expect(parseAssignments(['line2='])).toEqual(new Map([['line2', '']]));
  expect(() => parseAssignments(['=x'])).toThrow(UsageError);
});
