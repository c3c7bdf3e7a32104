import { createOrderActionsHandler } from '../../src';
import {
  getOrderStatusEvent,
  initiateReturnEvent,
  readAnswer,
  updateShippingAddressEvent,
} from './support/bedrock-events';
import { LOCAL_AWS_ENV } from './support/orders-table';
import { closedPortEndpoint, silentEndpoint } from './support/unreachable-endpoints';

// The budget these tests hold the handler to: well inside the 10 s Lambda timeout.
const BUDGET_MS = 3000;
const address = { name: 'Sam Lee', line1: '1 New Road', city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' };

beforeAll(() => {
  Object.assign(process.env, LOCAL_AWS_ENV, { ORDERS_TABLE: 'orders' });
});

async function timed(
  run: () => Promise<unknown>,
): Promise<{ ms: number; answer: ReturnType<typeof readAnswer> }> {
  const started = performance.now();
  const answer = readAnswer(await run());
  return { ms: performance.now() - started, answer };
}

function expectUnavailable(answer: ReturnType<typeof readAnswer>): void {
  expect(answer.status).toBe(503);
  expect(answer.body).toEqual({
    error: 'ORDER_SYSTEM_UNAVAILABLE',
    message:
      'The order system is not available right now. Please try again in a few minutes; repeating the request is safe.',
  });
}

describe('when the table cannot be reached', () => {
  it('answers 503 at once when nothing listens (connection refused), for every operation', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = await closedPortEndpoint();
    const handler = createOrderActionsHandler();
    for (const event of [
      getOrderStatusEvent('ORD-1001'),
      initiateReturnEvent('ORD-1001', 'Broken'),
      updateShippingAddressEvent('ORD-1002', address),
    ]) {
      const { ms, answer } = await timed(() => handler(event));
      expectUnavailable(answer);
      expect(ms).toBeLessThan(BUDGET_MS);
    }
  });

  describe('and it hangs (accepts connections, never answers)', () => {
    let silent: Awaited<ReturnType<typeof silentEndpoint>>;
    beforeAll(async () => {
      silent = await silentEndpoint();
      process.env.AWS_ENDPOINT_URL_DYNAMODB = silent.endpoint;
    });
    afterAll(() => silent.stop());

    it('answers 503 within the 2.5 s default budget', async () => {
      const { ms, answer } = await timed(() =>
        createOrderActionsHandler()(initiateReturnEvent('ORD-1001', 'Broken')),
      );
      expectUnavailable(answer);
      expect(ms).toBeGreaterThan(900);
      expect(ms).toBeLessThan(BUDGET_MS);
    });

    it('answers before the Lambda times out when little time is left', async () => {
      const context = { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 800 };
      const { ms, answer } = await timed(() =>
        createOrderActionsHandler()(getOrderStatusEvent('ORD-1001'), context),
      );
      expectUnavailable(answer);
      expect(ms).toBeLessThan(800);
    });
  });
});
