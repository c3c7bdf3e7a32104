import { BedrockAgentFunctionResolver } from '@aws-lambda-powertools/event-handler/bedrock-agent';
import { Logger } from '@aws-lambda-powertools/logger';
import { ActionRouter, type FunctionSchema, type OpenApiDocument } from '@order-agent/action-handler';
import { functionEvent, readAnswer } from '@order-agent/action-handler/testing';
import {
  getOrderStatusEvent,
  initiateReturnEvent,
  NEW_ADDRESS,
  updateShippingAddressEvent,
} from '@order-agent/order-actions/testing';
import schemaJson from '../../../schemas/order-management-api.json';
import { BENCH_CUSTOMER_ID } from '../support/bench-customer';

/** One router answering one kind of event, as the handler-overhead suite measures it. */
export interface Subject {
  readonly resolve: (event: unknown) => Promise<unknown>;
  readonly events: readonly unknown[];
}

export const SUBJECTS = ['ours-function', 'powertools-function', 'ours-openapi'] as const;
export type SubjectName = (typeof SUBJECTS)[number];

/** The same function with a few typed parameters, for both routers. */
const functions: FunctionSchema = [
  {
    name: 'getOrderStatus',
    description: 'Status of one order.',
    parameters: {
      orderId: { type: 'string', description: 'ORD- followed by digits.', required: true },
      includeItems: { type: 'boolean', description: 'Whether to list the items.', required: false },
      maxItems: { type: 'integer', description: 'At most this many items.', required: false },
    },
  },
];

interface StatusParams {
  orderId: string;
  includeItems?: boolean;
  maxItems?: number;
}

/** The same result from both: the decoded parameters echoed with a status. */
const statusOf = (params: StatusParams) => ({
  orderId: params.orderId,
  status: 'SHIPPED',
  includeItems: params.includeItems,
  maxItems: params.maxItems,
});

export const functionEvents = Array.from({ length: 16 }, (_, i) =>
  functionEvent('getOrderStatus', [
    { name: 'orderId', type: 'string', value: `ORD-${1001 + i}` },
    { name: 'includeItems', type: 'boolean', value: i % 2 === 0 ? 'true' : 'false' },
    { name: 'maxItems', type: 'integer', value: String((i % 10) + 1) },
  ]),
);

export const openApiEvents = Array.from({ length: 16 }, (_, i) => {
  const orderId = `ORD-${1001 + i}`;
  if (i % 4 === 1) return initiateReturnEvent(orderId, 'The lamp flickers', BENCH_CUSTOMER_ID);
  if (i % 4 === 3)
    return updateShippingAddressEvent(orderId, { ...NEW_ADDRESS, line2: `Flat ${i}` }, BENCH_CUSTOMER_ID);
  return getOrderStatusEvent(orderId, BENCH_CUSTOMER_ID);
});

/** Builds one subject; each child process builds only the one it measures. */
export function createSubject(name: SubjectName): Subject {
  switch (name) {
    case 'ours-function': {
      const router = new ActionRouter<{ getOrderStatus: { params: StatusParams; body: undefined } }>({
        functions,
        operations: { getOrderStatus: async ({ params }) => ({ body: statusOf(params) }) },
        logger: new Logger({ serviceName: 'bench', logLevel: 'ERROR' }),
      });
      return { resolve: (event) => router.resolve(event), events: functionEvents };
    }
    case 'powertools-function': {
      const app = new BedrockAgentFunctionResolver();
      app.tool<{ orderId: string; includeItems: boolean; maxItems: number }>(
        async (params) => statusOf(params),
        {
          name: 'getOrderStatus',
          description: 'Status of one order.',
        },
      );
      // Powertools types the context as aws-lambda's Context; neither router reads it here.
      return { resolve: (event) => app.resolve(event, {} as never), events: functionEvents };
    }
    case 'ours-openapi': {
      const router = new ActionRouter({
        schema: schemaJson as OpenApiDocument,
        operations: {
          getOrderStatus: async ({ params }) => ({ body: { orderId: params.orderId, status: 'SHIPPED' } }),
          initiateReturn: async ({ params, body }) => ({
            body: {
              returnId: `RET-${String(params.orderId).slice(4)}`,
              reason: (body as { reason: string }).reason,
            },
          }),
          updateShippingAddress: async ({ params, body }) => ({
            body: { orderId: params.orderId, shippingAddress: body },
          }),
        },
        logger: new Logger({ serviceName: 'bench', logLevel: 'ERROR' }),
      });
      return { resolve: (event) => router.resolve(event), events: openApiEvents };
    }
  }
}

/** The body string of a function-details answer, or the status of an OpenAPI one. */
export function answerOf(response: unknown): string {
  const answer = readAnswer(response);
  return answer.kind === 'function' ? answer.text : String(answer.status);
}
