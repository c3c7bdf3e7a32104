import fc from 'fast-check';
import { ActionRouter, type BedrockAgentResponse, type OperationHandler } from '../../src';
import { readAnswer } from '../../src/testing';
import { eventShaped, handlerOutcome, wellFormedEvent } from '../fixtures/arbitraries';
import { catalogApi, orderFunctions } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

const MAX_BODY_BYTES = 2_048;

/** Throws (failing the test) unless the envelope is one Bedrock can read, its body within the cap. */
function expectValidEnvelope(response: BedrockAgentResponse): void {
  readAnswer(response, { maxBodyBytes: MAX_BODY_BYTES });
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
