import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActionRequest, ActionRouter, type OpenApiDocument } from '../../src';
import { readAnswer } from '../../src/testing';
import { silentLogger } from '../fixtures/logs';

/** The real order API, read from the repository as the Lambda bundle and the infrastructure read it. */
const repoRoot = join(__dirname, '../../../..');
const schema = JSON.parse(
  readFileSync(join(repoRoot, 'schemas/order-management-api.json'), 'utf8'),
) as OpenApiDocument;
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/events', name), 'utf8'));

interface OrderOperations {
  getOrderStatus: { params: { orderId: string }; body: undefined };
  initiateReturn: { params: { orderId: string }; body: { reason: string } };
  updateShippingAddress: {
    params: { orderId: string };
    body: {
      name: string;
      line1: string;
      line2?: string;
      city: string;
      region?: string;
      postalCode: string;
      country: string;
    };
  };
}

const stub = (request: ActionRequest) => ({
  body: { operation: request.operation, params: request.params, body: request.body },
});
const router = new ActionRouter<OrderOperations>({
  schema,
  operations: { getOrderStatus: stub, initiateReturn: stub, updateShippingAddress: stub },
  logger: silentLogger(),
});

describe('schemas/order-management-api.json', () => {
  it('is accepted by the contract check with one handler per operation', () => {
    const operations = { getOrderStatus: stub, initiateReturn: stub, updateShippingAddress: stub };
    expect(
      () => new ActionRouter<OrderOperations>({ schema, operations, logger: silentLogger() }),
    ).not.toThrow();
  });

  it('routes getOrderStatus', async () => {
    const { status, body } = readAnswer(await router.resolve(fixture('get-order-status.json')));
    expect(status).toBe(200);
    expect(body).toEqual({ operation: 'getOrderStatus', params: { orderId: 'ORD-1001' } });
  });

  it('routes initiateReturn with its flattened body', async () => {
    const { body } = readAnswer(await router.resolve(fixture('initiate-return.json')));
    expect(body).toEqual({
      operation: 'initiateReturn',
      params: { orderId: 'ORD-1003' },
      body: { reason: 'arrived damaged' },
    });
  });

  it('routes updateShippingAddress with the optional fields left out', async () => {
    const { body } = readAnswer(await router.resolve(fixture('update-shipping-address.json')));
    expect(body.body).toEqual({
      name: 'Sherlock Holmes',
      line1: '221B Baker Street',
      city: 'London',
      postalCode: 'NW1 6XE',
      country: 'GB',
    });
  });

  it('rejects a malformed order id with the pattern it must match', async () => {
    const event = fixture('get-order-status.json');
    event.parameters = [{ name: 'orderId', type: 'string', value: '1001' }];
    const { status, body } = readAnswer(await router.resolve(event));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: 'INVALID_PARAMETER',
      field: 'orderId',
      allowed: 'a string matching ^ORD-[0-9]{1,12}$',
    });
  });

  it('rejects a lower-case country code and an over-long reason', async () => {
    const address = fixture('update-shipping-address.json') as {
      requestBody: { content: { 'application/json': { properties: { name: string; value: string }[] } } };
    };
    const country = address.requestBody.content['application/json'].properties.find(
      (p) => p.name === 'country',
    )!;
    country.value = 'gb';
    expect(readAnswer(await router.resolve(address)).body.field).toBe('country');

    const ret = fixture('initiate-return.json') as typeof address;
    ret.requestBody.content['application/json'].properties[0]!.value = 'r'.repeat(501);
    expect(readAnswer(await router.resolve(ret)).body.message).toBe(
      "'reason' is too long: 501 characters, at most 500 allowed. Allowed: a string of 1 to 500 characters.",
    );
  });
});
