import { ActionRouter } from '../../src';
import { functionEvent, openApiEvent, openApiEventWithBody, param, readAnswer } from '../../src/testing';
import { catalogApi, orderFunctions } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

const ok = () => ({ body: { ok: true } });
const router = new ActionRouter({
  schema: catalogApi,
  functions: orderFunctions,
  operations: {
    getItem: ok,
    updateItem: ok,
    deleteItem: ok,
    search: ok,
    placeOrder: ok,
    getOrderStatus: ok,
    listRecentOrders: ok,
  },
  logger: silentLogger(),
});

/** A 400 MALFORMED_EVENT OpenAPI envelope echoing what could be read. */
function malformed(message: string, echoed = { actionGroup: '', apiPath: '', httpMethod: '' }) {
  return {
    messageVersion: '1.0',
    response: {
      ...echoed,
      httpStatusCode: 400,
      responseBody: { 'application/json': { body: JSON.stringify({ error: 'MALFORMED_EVENT', message }) } },
    },
    sessionAttributes: expect.any(Object),
    promptSessionAttributes: expect.any(Object),
  };
}

describe('malformed events still get a valid 400 envelope', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"messageVersion":"1.0"}'],
    ['a number', 42],
    ['an array', [openApiEvent('/search', 'GET')]],
  ])('%s', async (_, event) => {
    expect(await router.resolve(event)).toEqual(malformed('The event is not an object.'));
  });

  it('an empty object', async () => {
    expect(await router.resolve({})).toEqual(malformed('The event has no messageVersion or actionGroup.'));
  });

  it('no messageVersion, echoing what it could read', async () => {
    const { messageVersion: _, ...event } = openApiEvent('/search', 'GET');
    expect(await router.resolve(event)).toEqual(
      malformed('The event has no messageVersion or actionGroup.', {
        actionGroup: 'order-actions',
        apiPath: '/search',
        httpMethod: 'GET',
      }),
    );
  });

  it('no actionGroup', async () => {
    const { actionGroup: _, ...event } = openApiEvent('/search', 'GET');
    expect(await router.resolve(event)).toEqual(
      malformed('The event has no messageVersion or actionGroup.', {
        actionGroup: '',
        apiPath: '/search',
        httpMethod: 'GET',
      }),
    );
  });

  it('neither apiPath nor function', async () => {
    const { apiPath: _, httpMethod: __, ...event } = openApiEvent('/search', 'GET');
    expect(await router.resolve(event)).toEqual(
      malformed('The event has neither apiPath nor function.', {
        actionGroup: 'order-actions',
        apiPath: '',
        httpMethod: '',
      }),
    );
  });

  it.each([
    ['parameters that are not a list', { parameters: 'q=lamp' }],
    ['a parameter without a name', { parameters: [{ type: 'string', value: 'lamp' }] }],
    ['a parameter that is not an object', { parameters: ['lamp'] }],
  ])('%s', async (_, overrides) => {
    const event = { ...openApiEvent('/search', 'GET'), ...overrides };
    expect(await router.resolve(event)).toEqual(
      malformed('The parameters or requestBody properties are not a list of { name, type, value }.', {
        actionGroup: 'order-actions',
        apiPath: '/search',
        httpMethod: 'GET',
      }),
    );
  });

  it.each([
    ['a requestBody that is not an object', 'name=Lamp'],
    ['a requestBody without content', {}],
    ['properties that are not a list', { content: { 'application/json': { properties: { name: 'Lamp' } } } }],
  ])('%s', async (_, requestBody) => {
    const event = {
      ...openApiEventWithBody('/items/{itemId}', 'PUT', [param('itemId', 'ITM-1')], []),
      requestBody,
    };
    const response = await router.resolve(event);
    expect(response).toMatchObject({
      response: { httpStatusCode: 400, apiPath: '/items/{itemId}', httpMethod: 'PUT' },
    });
    expect(readAnswer(response).body.error).toBe('MALFORMED_EVENT');
  });

  it('a missing requestBody is an empty body, so required properties are reported', async () => {
    const event = openApiEvent('/items/{itemId}', 'PUT', [param('itemId', 'ITM-1')]);
    expect(readAnswer(await router.resolve(event)).body).toMatchObject({
      error: 'INVALID_PARAMETER',
      field: 'name',
    });
  });

  it('an apiPath or httpMethod of the wrong type is echoed as an empty string', async () => {
    const response = await router.resolve({ ...openApiEvent('/search', 'GET'), httpMethod: 7 });
    expect(response.response).toMatchObject({ apiPath: '/search', httpMethod: '', httpStatusCode: 405 });
  });

  it('a function-details event without actionGroup answers with the function envelope', async () => {
    const { actionGroup: _, ...event } = functionEvent('getOrderStatus', [param('orderId', 'ORD-1')]);
    const answer = readAnswer(await router.resolve(event));
    expect(answer.state).toBe('REPROMPT');
    expect(JSON.parse(answer.text).error).toBe('MALFORMED_EVENT');
  });

  it('an event whose properties throw when read gets a 500 envelope, not a rejection', async () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('gotcha');
        },
      },
    );
    const response = await router.resolve(hostile);
    expect(response.response).toMatchObject({ actionGroup: '', httpStatusCode: 500 });
  });
});
