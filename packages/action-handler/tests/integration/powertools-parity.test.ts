import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BedrockAgentFunctionResolver } from '@aws-lambda-powertools/event-handler/bedrock-agent';
import { ActionRouter } from '../../src';
import { functionEvent, param } from '../../src/testing';
import { orderFunctions } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

/**
 * Cross-checks our function-details envelope against the reference implementation, Powertools'
 * BedrockAgentFunctionResolver: for the same event and the same result both must answer identically.
 */
const order = { orderId: 'ORD-1001', status: 'SHIPPED', estimatedDelivery: '2025-04-02' };

const powertools = new BedrockAgentFunctionResolver();
powertools.tool(async () => order, { name: 'getOrderStatus', description: 'Looks up an order.' });

const ours = new ActionRouter({
  functions: orderFunctions,
  operations: { getOrderStatus: () => ({ body: order }), listRecentOrders: () => ({ body: [] }) },
  logger: silentLogger(),
});

const lambdaContext = { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' } as never;

describe('function-details envelope parity with Powertools', () => {
  it('answers a fixture event exactly as BedrockAgentFunctionResolver does', async () => {
    const text = readFileSync(join(__dirname, '../fixtures/events/function-get-order-status.json'), 'utf8');
    const expected = await powertools.resolve(JSON.parse(text), lambdaContext);
    const actual = await ours.resolve(JSON.parse(text), lambdaContext);
    expect(actual).toEqual(expected);
  });

  it('passes session attributes through as BedrockAgentFunctionResolver does', async () => {
    const event = functionEvent('getOrderStatus', [param('orderId', 'ORD-1001')], {
      sessionAttributes: { customerId: 'C-42', locale: 'en-GB' },
      promptSessionAttributes: { today: '2025-03-31' },
    });
    expect(await ours.resolve(structuredClone(event))).toEqual(
      await powertools.resolve(structuredClone(event), lambdaContext),
    );
  });

  it('survives the JSON round trip the Lambda runtime makes', async () => {
    const event = JSON.parse(JSON.stringify(functionEvent('getOrderStatus', [param('orderId', 'ORD-1001')])));
    const wire = JSON.stringify(await ours.resolve(event));
    expect(JSON.parse(JSON.parse(wire).response.functionResponse.responseBody.TEXT.body)).toEqual(order);
  });
});
