import { ActionRouter, ContractError, type OpenApiDocument, type OperationHandlers } from '../../src';
import { silentLogger } from '../fixtures/logs';

/**
 * Compile-time behaviour of the operation-map generics. The `@ts-expect-error` lines are checked by
 * `npm run typecheck` (tsc fails if any of them stops being an error); the runtime assertions by Jest.
 */
const schema: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/orders/{orderId}': {
      get: {
        operationId: 'getOrderStatus',
        parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {},
      },
    },
    '/orders/{orderId}/return': {
      post: {
        operationId: 'initiateReturn',
        parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } },
            },
          },
        },
        responses: {},
      },
    },
  },
};

interface Operations {
  getOrderStatus: { params: { orderId: string }; body: undefined };
  initiateReturn: { params: { orderId: string }; body: { reason: string } };
}

describe('operation-map typing', () => {
  it('types params and body per operation', async () => {
    const operations: OperationHandlers<Operations> = {
      getOrderStatus: (request) => ({ body: { id: request.params.orderId.toUpperCase() } }),
      initiateReturn: async (request) => ({ body: { reason: request.body.reason.trim() } }),
    };
    const router = new ActionRouter<Operations>({ schema, operations, logger: silentLogger() });
    expect(router).toBeInstanceOf(ActionRouter);
  });

  it('rejects a missing handler at compile time, and the contract check at run time', () => {
    const build = () =>
      new ActionRouter<Operations>({
        schema,
        // @ts-expect-error initiateReturn has no handler
        operations: { getOrderStatus: () => ({ body: {} }) },
        logger: silentLogger(),
      });
    expect(build).toThrow(ContractError);
  });

  it('rejects an extra handler at compile time, and the contract check at run time', () => {
    const build = () =>
      new ActionRouter<Operations>({
        schema,
        operations: {
          getOrderStatus: () => ({ body: {} }),
          initiateReturn: () => ({ body: {} }),
          // @ts-expect-error cancelOrder is not an operation of Operations
          cancelOrder: () => ({ body: {} }),
        },
        logger: silentLogger(),
      });
    expect(build).toThrow(ContractError);
  });

  it('rejects reading an input the operation does not declare', () => {
    const operations: OperationHandlers<Operations> = {
      // @ts-expect-error getOrderStatus has no body.reason
      getOrderStatus: (request) => ({ body: request.body.reason }),
      // @ts-expect-error a handler must return an ActionResult, not a bare body
      initiateReturn: () => 'done',
    };
    expect(Object.keys(operations)).toEqual(['getOrderStatus', 'initiateReturn']);
  });
});
