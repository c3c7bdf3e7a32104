import fc from 'fast-check';
import { ActionRouter, type BedrockAgentResponse, type OperationHandler } from '../../src';
import { eventShaped, handlerOutcome, wellFormedEvent } from '../fixtures/arbitraries';
import { catalogApi, orderFunctions } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

const MAX_BODY_BYTES = 2_048;

/**
 * Asserts the envelope is one Bedrock can read: messageVersion "1.0", the echo fields as strings, an integer
 * status (OpenAPI) or a valid responseState (functions), a string body within the cap, string session maps.
 */
function expectValidEnvelope(response: BedrockAgentResponse): void {
  expect(response.messageVersion).toBe('1.0');
  const inner = response.response as Record<string, unknown>;
  expect(typeof inner.actionGroup).toBe('string');
  let body: unknown;
  if ('function' in inner) {
    expect(typeof inner.function).toBe('string');
    const fnResponse = inner.functionResponse as {
      responseState?: string;
      responseBody: { TEXT: { body: unknown } };
    };
    expect([undefined, 'REPROMPT', 'FAILURE']).toContain(fnResponse.responseState);
    body = fnResponse.responseBody.TEXT.body;
  } else {
    expect(typeof inner.apiPath).toBe('string');
    expect(typeof inner.httpMethod).toBe('string');
    expect(Number.isInteger(inner.httpStatusCode)).toBe(true);
    body = (inner.responseBody as { 'application/json': { body: unknown } })['application/json'].body;
    expect(() => JSON.parse(body as string)).not.toThrow();
  }
  expect(typeof body).toBe('string');
  expect(Buffer.byteLength(body as string)).toBeLessThanOrEqual(MAX_BODY_BYTES);
  for (const map of [response.sessionAttributes, response.promptSessionAttributes]) {
    expect(Object.values(map ?? {}).every((value) => typeof value === 'string')).toBe(true);
  }
}

function routerWith(handler: OperationHandler) {
  return new ActionRouter({
    schema: catalogApi,
    functions: orderFunctions,
    operations: {
      getItem: handler,
      updateItem: handler,
      deleteItem: handler,
      search: handler,
      placeOrder: handler,
      getOrderStatus: handler,
      listRecentOrders: handler,
    },
    logger: silentLogger(),
    maxBodyBytes: MAX_BODY_BYTES,
  });
}

describe('resolve never throws', () => {
  it('answers anything at all with a valid envelope', async () => {
    const router = routerWith(() => ({ body: {} }));
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (event) => expectValidEnvelope(await router.resolve(event))),
      { numRuns: 300 },
    );
  });

  it('answers event-shaped input whose fields may be anything with a valid envelope', async () => {
    await fc.assert(
      fc.asyncProperty(eventShaped, handlerOutcome, async (event, handler) => {
        expectValidEnvelope(await routerWith(handler).resolve(event));
      }),
      { numRuns: 300 },
    );
  });

  it('answers well-formed events, with fuzzed parameters and any handler outcome, with a valid envelope', async () => {
    const reached = { handler: 0 };
    await fc.assert(
      fc.asyncProperty(wellFormedEvent, handlerOutcome, async (event, outcome) => {
        const handler: OperationHandler = () => {
          reached.handler++;
          return outcome();
        };
        expectValidEnvelope(await routerWith(handler).resolve(event));
      }),
      { numRuns: 500 },
    );
    expect(reached.handler).toBeGreaterThan(50); // the handler paths were really exercised
  });

  it('answers huge values within the cap', async () => {
    const router = routerWith(() => ({ body: {} }));
    const huge = 'x'.repeat(5_000_000);
    const search = { messageVersion: '1.0', actionGroup: 'catalog', apiPath: '/search', httpMethod: 'GET' };
    const responses = await Promise.all([
      router.resolve({ ...search, parameters: [{ name: 'q', type: 'string', value: huge }] }),
      router.resolve({
        ...search,
        parameters: [{ name: 'tags', type: 'array', value: `[${'a,'.repeat(1_000_000)}]` }],
      }),
      router.resolve({ ...search, apiPath: huge }),
      router.resolve({
        ...search,
        parameters: Array.from({ length: 100_000 }, () => ({ name: 'limit', type: 'integer', value: 'x' })),
      }),
    ]);
    for (const response of responses) expectValidEnvelope(response);
  });
});
