// Type tests of the operation-map generics, checked by `npm run typecheck` (tsc) and never run: every
// `@ts-expect-error` fails the typecheck if its line stops being an error, and every annotated assignment fails it
// if the inferred type changes. The run-time side of the same drift is contract.test.ts.
import type { Logger } from '@aws-lambda-powertools/logger';
import { ActionRouter, type OpenApiDocument, type OperationHandlers } from '../../src';

declare const schema: OpenApiDocument;
declare const logger: Logger;

interface Operations {
  getOrderStatus: { params: { orderId: string }; body: undefined };
  initiateReturn: { params: { orderId: string }; body: { reason: string } };
}

// Params and body are typed per operation.
export const typed: OperationHandlers<Operations> = {
  getOrderStatus: (request) => {
    const orderId: string = request.params.orderId;
    const body: undefined = request.body;
    return { body: { orderId, body } };
  },
  initiateReturn: async (request) => {
    const reason: string = request.body.reason;
    return { body: { reason: reason.trim() } };
  },
};
export const router: ActionRouter<Operations> = new ActionRouter<Operations>({
  schema,
  operations: typed,
  logger,
});

// A missing handler is a compile error.
new ActionRouter<Operations>({
  schema,
  // @ts-expect-error initiateReturn has no handler
  operations: { getOrderStatus: () => ({ body: {} }) },
});

// An extra handler is a compile error.
new ActionRouter<Operations>({
  schema,
  operations: {
    getOrderStatus: () => ({ body: {} }),
    initiateReturn: () => ({ body: {} }),
    // @ts-expect-error cancelOrder is not an operation of Operations
    cancelOrder: () => ({ body: {} }),
  },
});

export const wrong: OperationHandlers<Operations> = {
  // @ts-expect-error getOrderStatus has no body.reason
  getOrderStatus: (request) => ({ body: request.body.reason }),
  // @ts-expect-error a handler must return an ActionResult, not a bare body
  initiateReturn: () => 'done',
};

// Without a type argument, params and body are open records.
new ActionRouter({
  schema,
  operations: {
    anything: (request) => {
      const params: Record<string, unknown> = request.params;
      return { body: params };
    },
  },
});
