import { type ActionRequest, ActionRouter } from '../../src';
import { functionEvent, openApiEvent, openApiEventWithBody, param, readAnswer } from '../../src/testing';
import { catalogApi, orderFunctions } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

const echo = (request: ActionRequest) => ({ body: { params: request.params, body: request.body } });
const router = new ActionRouter({
  schema: catalogApi,
  operations: { getItem: echo, updateItem: echo, deleteItem: echo, search: echo, placeOrder: echo },
  logger: silentLogger(),
});

/** Sends GET /search with q plus the given parameters; returns status and parsed body. */
async function search(...parameters: ReturnType<typeof param>[]) {
  return readAnswer(
    await router.resolve(openApiEvent('/search', 'GET', [param('q', 'lamp'), ...parameters])),
  );
}

describe('decoding integers and numbers from strings', () => {
  it.each([
    ['42', 42],
    [' 7 ', 7],
    ['+3', 3],
    ['1e1', 10],
  ])('reads integer %j as %j', async (value, expected) => {
    expect((await search(param('limit', value, 'integer'))).body.params.limit).toBe(expected);
  });

  it.each(['4x', '', '  ', 'NaN', 'Infinity', '0x10', '\u00a00b11', 'four'])(
    'rejects integer %j with a message naming the field',
    async (value) => {
      const { status, body } = await search(param('limit', value, 'integer'));
      expect(status).toBe(400);
      expect(body.field).toBe('limit');
      expect(body.message).toBe(
        `'limit' must be an integer (got ${JSON.stringify(value)}). Allowed: an integer at least 1 and at most 50.`,
      );
    },
  );

  it('rejects a fraction where an integer is declared', async () => {
    const { body } = await search(param('limit', '4.5', 'integer'));
    expect(body.message).toContain('\'limit\' must be a whole number (got "4.5")');
  });

  it('reads numbers with fractions and exponents', async () => {
    expect((await search(param('maxPrice', '19.99', 'number'))).body.params.maxPrice).toBe(19.99);
    expect((await search(param('maxPrice', '2.5e2', 'number'))).body.params.maxPrice).toBe(250);
  });

  it('rejects a number that is not one', async () => {
    const { status, body } = await search(param('maxPrice', 'cheap', 'number'));
    expect(status).toBe(400);
    expect(body.message).toContain(`'maxPrice' must be a number (got "cheap")`);
  });
});

describe('decoding booleans', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
  ])('reads %j as %j', async (value, expected) => {
    const { body } = readAnswer(
      await router.resolve(
        openApiEvent('/items/{itemId}', 'GET', [param('itemId', 'ITM-1'), param('includeStock', value)]),
      ),
    );
    expect(body.params.includeStock).toBe(expected);
  });

  it('rejects anything else, saying true or false is allowed', async () => {
    const event = openApiEvent('/items/{itemId}', 'GET', [
      param('itemId', 'ITM-1'),
      param('includeStock', 'yes'),
    ]);
    const { status, body } = readAnswer(await router.resolve(event));
    expect(status).toBe(400);
    expect(body.message).toBe(`'includeStock' must be true or false (got "yes"). Allowed: true or false.`);
  });
});

describe('decoding arrays', () => {
  it('reads a JSON array', async () => {
    expect((await search(param('tags', '["red","blue"]', 'array'))).body.params.tags).toEqual([
      'red',
      'blue',
    ]);
  });

  it('reads a bracketed list without quotes, as Bedrock sometimes sends', async () => {
    expect((await search(param('tags', '[red, light blue]', 'array'))).body.params.tags).toEqual([
      'red',
      'light blue',
    ]);
  });

  it('decodes the items by their declared type in both encodings', async () => {
    expect((await search(param('ids', '[1, 2, 3]', 'array'))).body.params.ids).toEqual([1, 2, 3]);
    expect((await search(param('ids', '["4","5"]', 'array'))).body.params.ids).toEqual([4, 5]);
  });

  it('names the item that cannot be decoded', async () => {
    const { body } = await search(param('ids', '[1, two]', 'array'));
    expect(body.field).toBe('ids[1]');
    expect(body.message).toBe(`'ids[1]' must be an integer (got "two"). Allowed: an integer.`);
  });

  it('rejects a value that is not a list', async () => {
    const { body } = await search(param('tags', 'red', 'array'));
    expect(body.message).toBe(
      `'tags' must be a list such as ["a","b"] or [a, b] (got "red"). Allowed: a list of 1 to 3 items, each a string of at least 1 character.`,
    );
  });
});

describe('decoding objects', () => {
  it('reads a JSON object and decodes its declared properties', async () => {
    const { body } = await search(
      param('filter', '{"minRating":"4","inStock":true,"brand":"Acme"}', 'object'),
    );
    expect(body.params.filter).toEqual({ minRating: 4, inStock: true, brand: 'Acme' });
  });

  it('reads {key=value, other=value}, as Bedrock sometimes sends', async () => {
    const { body } = await search(
      param('filter', '{minRating=5, inStock=false, brand=Acme Lighting}', 'object'),
    );
    expect(body.params.filter).toEqual({ minRating: 5, inStock: false, brand: 'Acme Lighting' });
  });

  it('decodes nested lists and objects inside key=value', async () => {
    const event = openApiEventWithBody(
      '/items/{itemId}',
      'PUT',
      [param('itemId', 'ITM-1')],
      [
        param('name', 'Lamp'),
        param('tags', '[desk, led]', 'array'),
        param('dimensions', '{width=10.5, height=30}', 'object'),
      ],
    );
    const { body } = readAnswer(await router.resolve(event));
    expect(body.body).toEqual({
      name: 'Lamp',
      tags: ['desk', 'led'],
      dimensions: { width: 10.5, height: 30 },
    });
  });

  it('rejects a value that is not an object, and a key=value entry without "="', async () => {
    for (const value of ['Acme', '{brand}']) {
      const { body } = await search(param('filter', value, 'object'));
      expect(body.message).toBe(
        `'filter' must be an object such as {"key":"value"} or {key=value} (got ${JSON.stringify(value)}). Allowed: an object.`,
      );
    }
  });

  it('names a nested property that cannot be decoded', async () => {
    const { body } = await search(param('filter', '{minRating=lots}', 'object'));
    expect(body.field).toBe('filter.minRating');
  });

  it('keeps a "__proto__" key as plain data instead of letting it change the object\'s prototype', async () => {
    const { text } = await search(param('filter', '{__proto__={polluted=yes}, brand=Acme}', 'object'));
    expect(text).toContain('"filter":{"__proto__":"{polluted=yes}","brand":"Acme"}');
  });
});

describe('inputs the schema does not declare', () => {
  it('ignores unknown parameters and body properties instead of rejecting them', async () => {
    const event = openApiEventWithBody(
      '/items/{itemId}',
      'PUT',
      [param('itemId', 'ITM-1'), param('debug', 'true')],
      [param('name', 'Lamp'), param('colour', 'red')],
    );
    const { status, body } = readAnswer(await router.resolve(event));
    expect(status).toBe(200);
    expect(body).toEqual({ params: { itemId: 'ITM-1' }, body: { name: 'Lamp' } });
  });

  it('decodes by the declared type even when the event says another type', async () => {
    expect((await search(param('limit', '5', 'string'))).body.params.limit).toBe(5);
  });

  it('decodes function-details arrays without declared items as lists of strings', async () => {
    const functions = new ActionRouter({
      functions: orderFunctions,
      operations: { getOrderStatus: echo, listRecentOrders: echo },
      logger: silentLogger(),
    });
    const event = functionEvent('listRecentOrders', [
      param('statuses', '[SHIPPED, DELIVERED]', 'array'),
      param('minTotal', '9.5', 'number'),
    ]);
    const { text } = readAnswer(await functions.resolve(event));
    expect(JSON.parse(text).params).toEqual({ statuses: ['SHIPPED', 'DELIVERED'], minTotal: 9.5 });
  });
});
