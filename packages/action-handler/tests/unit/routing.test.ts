import { type ActionRequest, ActionRouter } from '../../src';
import { functionEvent, openApiEvent, openApiEventWithBody, param, readAnswer } from '../../src/testing';
import { type CatalogOperations, catalogApi, orderFunctions } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

/** Every handler answers with what it was called with, so tests see the routing and the decoded input. */
const echo = (request: ActionRequest) => ({
  body: { operation: request.operation, params: request.params, body: request.body },
});

const router = new ActionRouter<CatalogOperations>({
  schema: catalogApi,
  operations: { getItem: echo, updateItem: echo, deleteItem: echo, search: echo, placeOrder: echo },
  logger: silentLogger(),
});

describe('OpenAPI routing', () => {
  it('routes on apiPath and httpMethod to the operation with that operationId', async () => {
    const get = readAnswer(
      await router.resolve(openApiEvent('/items/{itemId}', 'GET', [param('itemId', 'ITM-7')])),
    );
    const del = readAnswer(
      await router.resolve(openApiEvent('/items/{itemId}', 'DELETE', [param('itemId', 'ITM-7')])),
    );
    expect(get).toMatchObject({ status: 200, body: { operation: 'getItem' } });
    expect(del).toMatchObject({ status: 200, body: { operation: 'deleteItem' } });
  });

  it('merges path, query and header parameters (path-level ones included) by name', async () => {
    const event = openApiEvent('/items/{itemId}', 'GET', [
      param('itemId', 'ITM-7'),
      param('includeStock', 'true', 'boolean'),
      param('x-locale', 'en-GB'),
    ]);
    const { body } = readAnswer(await router.resolve(event));
    expect(body.params).toEqual({ itemId: 'ITM-7', includeStock: true, 'x-locale': 'en-GB' });
  });

  it('gives the handler body undefined when the operation has no requestBody', async () => {
    let seen: unknown = 'not called';
    const probe = new ActionRouter({
      schema: catalogApi,
      operations: {
        getItem: (request) => {
          seen = request.body;
          return { body: {} };
        },
        updateItem: echo,
        deleteItem: echo,
        search: echo,
        placeOrder: echo,
      },
      logger: silentLogger(),
    });
    await probe.resolve(openApiEvent('/items/{itemId}', 'GET', [param('itemId', 'ITM-7')]));
    expect(seen).toBeUndefined();
  });

  it('gives the handler the body decoded from the flattened requestBody properties', async () => {
    const event = openApiEventWithBody(
      '/items/{itemId}',
      'PUT',
      [param('itemId', 'ITM-7')],
      [param('name', 'Lamp'), param('price', '19.5', 'number'), param('active', 'FALSE', 'boolean')],
    );
    const { status, body } = readAnswer(await router.resolve(event));
    expect(status).toBe(200);
    expect(body.body).toEqual({ name: 'Lamp', price: 19.5, active: false });
  });

  it('matches the method case-insensitively', async () => {
    const { status } = readAnswer(
      await router.resolve(openApiEvent('/items/{itemId}', 'get', [param('itemId', 'ITM-7')])),
    );
    expect(status).toBe(200);
  });

  it('answers an unknown apiPath with 404 UNKNOWN_OPERATION listing the known paths', async () => {
    const { status, body } = readAnswer(await router.resolve(openApiEvent('/customers/{id}', 'GET')));
    expect(status).toBe(404);
    expect(body.error).toBe('UNKNOWN_OPERATION');
    expect(body.message).toBe(
      'No operation has the apiPath /customers/{id}. Known paths: /items/{itemId}, /search, /orders.',
    );
  });

  it('answers a known path with a wrong method with 405 METHOD_NOT_ALLOWED and the allowed methods', async () => {
    const { status, body } = readAnswer(await router.resolve(openApiEvent('/search', 'POST')));
    expect(status).toBe(405);
    expect(body).toEqual({
      error: 'METHOD_NOT_ALLOWED',
      message: 'The method POST is not allowed on /search. Allowed: GET.',
      allowed: 'GET',
    });
  });

  it('matches the apiPath template as written, not a filled-in path', async () => {
    const { status } = readAnswer(await router.resolve(openApiEvent('/items/ITM-7', 'GET')));
    expect(status).toBe(404);
  });
});

describe('function-details routing', () => {
  const functions = new ActionRouter({
    functions: orderFunctions,
    operations: {
      getOrderStatus: (request) => ({ body: { params: request.params } }),
      listRecentOrders: () => ({ body: 'No recent orders.' }),
    },
    logger: silentLogger(),
  });

  it('routes on `function` and answers with the functionResponse envelope', async () => {
    const response = await functions.resolve(functionEvent('getOrderStatus', [param('orderId', 'ORD-1001')]));
    expect(response).toEqual({
      messageVersion: '1.0',
      response: {
        actionGroup: 'order-functions',
        function: 'getOrderStatus',
        functionResponse: { responseBody: { TEXT: { body: '{"params":{"orderId":"ORD-1001"}}' } } },
      },
      sessionAttributes: { customerId: 'C-42' },
      promptSessionAttributes: {},
    });
  });

  it('decodes function parameters by their declared types', async () => {
    const event = functionEvent('getOrderStatus', [
      param('orderId', 'ORD-1'),
      param('includeItems', 'True', 'boolean'),
    ]);
    expect(JSON.parse(readAnswer(await functions.resolve(event)).text)).toEqual({
      params: { orderId: 'ORD-1', includeItems: true },
    });
  });

  it('sends a string body as is, since TEXT is read by the model', async () => {
    expect(readAnswer(await functions.resolve(functionEvent('listRecentOrders'))).text).toBe(
      'No recent orders.',
    );
  });

  it('answers an unknown function with REPROMPT and UNKNOWN_OPERATION', async () => {
    const { state, text } = readAnswer(await functions.resolve(functionEvent('cancelOrder')));
    expect(state).toBe('REPROMPT');
    expect(JSON.parse(text)).toEqual({
      error: 'UNKNOWN_OPERATION',
      message:
        'This action group has no function named cancelOrder. Known functions: getOrderStatus, listRecentOrders.',
    });
  });

  it('answers invalid function input with REPROMPT and the field that is wrong', async () => {
    const { state, text } = readAnswer(await functions.resolve(functionEvent('getOrderStatus')));
    expect(state).toBe('REPROMPT');
    expect(JSON.parse(text)).toMatchObject({ error: 'INVALID_PARAMETER', field: 'orderId' });
  });

  it('serves OpenAPI and function events from one router built with both', async () => {
    const both = new ActionRouter({
      schema: catalogApi,
      functions: orderFunctions,
      operations: {
        getItem: echo,
        updateItem: echo,
        deleteItem: echo,
        search: echo,
        placeOrder: echo,
        getOrderStatus: echo,
        listRecentOrders: echo,
      },
      logger: silentLogger(),
    });
    const viaFunction = await both.resolve(functionEvent('getOrderStatus', [param('orderId', 'ORD-1')]));
    const viaPath = await both.resolve(openApiEvent('/items/{itemId}', 'DELETE', [param('itemId', 'ITM-1')]));
    expect(JSON.parse(readAnswer(viaFunction).text).operation).toBe('getOrderStatus');
    expect(readAnswer(viaPath).body.operation).toBe('deleteItem');
  });
});
