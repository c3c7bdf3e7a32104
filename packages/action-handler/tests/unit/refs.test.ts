import { type ActionRequest, ActionRouter, type OpenApiDocument } from '../../src';
import { openApiEvent, openApiEventWithBody, param, readAnswer } from '../../src/testing';
import { catalogApi } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

const echo = (request: ActionRequest) => ({ body: { params: request.params, body: request.body } });
const router = new ActionRouter({
  schema: catalogApi,
  operations: { getItem: echo, updateItem: echo, deleteItem: echo, search: echo, placeOrder: echo },
  logger: silentLogger(),
});

describe('local $ref resolution', () => {
  it('resolves a parameter $ref (#/components/parameters) and validates by its schema', async () => {
    const good = readAnswer(
      await router.resolve(openApiEvent('/items/{itemId}', 'DELETE', [param('itemId', 'ITM-9')])),
    );
    const bad = readAnswer(
      await router.resolve(openApiEvent('/items/{itemId}', 'DELETE', [param('itemId', '9')])),
    );
    expect(good.body.params).toEqual({ itemId: 'ITM-9' });
    expect(bad.body.field).toBe('itemId');
  });

  it('resolves a requestBody $ref (#/components/requestBodies) to a schema $ref (#/components/schemas)', async () => {
    const event = openApiEventWithBody(
      '/items/{itemId}',
      'PUT',
      [param('itemId', 'ITM-1')],
      [param('price', '-1')],
    );
    const { body } = readAnswer(await router.resolve(event));
    expect(body.errors.map((issue: { field: string }) => issue.field)).toEqual(['price', 'name']);
  });

  it('resolves nested $refs inside properties and validates their required properties', async () => {
    const event = openApiEventWithBody(
      '/items/{itemId}',
      'PUT',
      [param('itemId', 'ITM-1')],
      [param('name', 'Lamp'), param('dimensions', '{width=10}')],
    );
    const { body } = readAnswer(await router.resolve(event));
    expect(body.message).toBe("'dimensions.height' is required but missing. Allowed: a number at least 0.");
  });

  it('resolves a schema $ref on a query parameter', async () => {
    const { body } = readAnswer(
      await router.resolve(
        openApiEvent('/search', 'GET', [param('q', 'lamp'), param('filter', '{minRating=9}')]),
      ),
    );
    expect(body.message).toBe(
      "'filter.minRating' is 9, above the maximum of 5. Allowed: an integer at least 1 and at most 5.",
    );
  });

  it('handles a recursive schema (a category with a parent category)', async () => {
    const event = openApiEventWithBody(
      '/orders',
      'POST',
      [],
      [
        param('email', 'ann@example.com'),
        param('quantity', '2'),
        param('category', '{"name":"lamps","parent":{"name":"lighting","parent":{"name":7}}}'),
      ],
    );
    const { body } = readAnswer(await router.resolve(event));
    expect(body.field).toBe('category.parent.parent.name');
  });

  it('follows JSON Pointer escapes (~1 for "/", ~0 for "~") and chained $refs', async () => {
    const schema: OpenApiDocument = {
      openapi: '3.0.0',
      paths: {
        '/x': {
          get: {
            operationId: 'x',
            parameters: [
              { name: 'code', in: 'query', required: true, schema: { $ref: '#/components/schemas/a~1b~0c' } },
            ],
            responses: {},
          },
        },
      },
      components: {
        schemas: {
          'a/b~c': { $ref: '#/components/schemas/Code' },
          Code: { type: 'string', pattern: '^[A-Z]{3}$' },
        },
      },
    };
    const refs = new ActionRouter({ schema, operations: { x: echo }, logger: silentLogger() });
    expect(readAnswer(await refs.resolve(openApiEvent('/x', 'GET', [param('code', 'EUR')]))).status).toBe(
      200,
    );
    expect(readAnswer(await refs.resolve(openApiEvent('/x', 'GET', [param('code', 'eur')]))).status).toBe(
      400,
    );
  });
});
