// A scripted stand-in for the deployed order agent: recognises the starter scenarios' requests by keywords and
// answers the way the real agent is expected to (action calls with traces, a confirmation round for returns,
// knowledge base lookups for policy questions, a guardrail block for advice), over the sample orders in
// apps/order-actions/fixtures/orders.json, for the customer the session attribute customerId names: another
// customer's order is "not found", as the order API answers it, and without a customer it asks to sign in. It lets `eval` and the README's samples run without AWS; it is not a
// model of the agent's quality.
import type { Order } from '@order-agent/order-actions/domain';
import { fixtureOrders } from '@order-agent/order-actions/local';
import {
  actionCallTrace,
  chunk,
  confirmationRequest,
  type Frame,
  guardrailTrace,
  knowledgeBaseTraces,
  observationTrace,
  pause,
  type RecordedRequest,
  type Responder,
  rationaleTrace,
  trace,
  usageTrace,
} from './fake-agent-runtime';

const ACTION_GROUP = 'order-management';
const ORDER_ID = /ORD-\d+/i;

interface PendingReturn {
  readonly orderId: string;
  readonly reason: string;
}

/**
 * The stand-in's behaviour, as a responder for FakeAgentRuntime, over the sample orders rebased to `now` (the
 * same dates `npm run dev` and `npm run seed` store). Keeps per-session state for confirmations.
 */
export function scriptedOrderAgent(now: Date = new Date()): Responder {
  const orders = new Map(fixtureOrders(now).map((order) => [order.orderId, order]));
  const pending = new Map<string, PendingReturn>();
  const returned = new Set<string>();
  /** Sessions where the agent asked which order to return: the next order id given is for a return. */
  const askedWhichOrder = new Set<string>();

  /** Each session's signed-in customer: Bedrock keeps session attributes for the whole session. */
  const customers = new Map<string, string>();

  return (request: RecordedRequest): Frame[] => {
    const signedIn = request.body.sessionState?.sessionAttributes?.customerId;
    if (signedIn !== undefined) customers.set(request.sessionId, signedIn);
    const customerId = customers.get(request.sessionId);
    const confirmation = request.body.sessionState?.returnControlInvocationResults?.[0]?.apiResult;
    const waiting = pending.get(request.sessionId);
    if (confirmation && waiting) {
      pending.delete(request.sessionId);
      if (confirmation.confirmationState !== 'CONFIRM') {
        return answer(
          `All right, I have not started a return for ${waiting.orderId}. Is there anything else I can do?`,
        );
      }
      const returnId = `RET-${waiting.orderId.slice(4)}`;
      returned.add(waiting.orderId);
      return [
        actionCallTrace({
          actionGroup: ACTION_GROUP,
          verb: 'POST',
          apiPath: '/orders/{orderId}/return',
          parameters: { orderId: waiting.orderId },
          body: { reason: waiting.reason },
        }),
        observationTrace({ returnId, orderId: waiting.orderId, status: 'REQUESTED', reason: waiting.reason }),
        usageTrace(1410, 52),
        ...answer(
          `Your return ${returnId} for order ${waiting.orderId} has been started. You will receive a return label by e-mail.`,
        ),
      ];
    }

    const text = request.body.inputText ?? '';
    const orderId = ORDER_ID.exec(text)?.[0]?.toUpperCase();
    // Only the signed-in customer's orders exist for this session, as the order API answers.
    const known = orderId ? orders.get(orderId) : undefined;
    const order = known && known.customerId === customerId ? known : undefined;

    if (/stock|invest|lawyer|sue\b/i.test(text)) {
      return [
        guardrailTrace('INTERVENED', 'Professional advice'),
        chunk('Sorry, I can only help with your orders, returns and deliveries.'),
      ];
    }
    if (/how long|how many days|policy/i.test(text)) {
      return [
        guardrailTrace('NONE'),
        rationaleTrace('This is a return policy question; I will search the knowledge base.'),
        ...knowledgeBaseTraces('KBSTANDIN1', 'return window days after delivery', [
          's3://order-agent-documents/return-policy.md',
        ]),
        usageTrace(1630, 58),
        ...answer('You can start a return up to 30 days after your order was delivered.', [
          {
            generatedResponsePart: {
              textResponsePart: { text: 'up to 30 days after your order was delivered' },
            },
            retrievedReferences: [
              {
                location: { type: 'S3', s3Location: { uri: 's3://order-agent-documents/return-policy.md' } },
              },
            ],
          },
        ]),
      ];
    }
    if (orderId && !customerId) {
      return [
        ...refusedLookup(orderId, {
          error: 'CUSTOMER_NOT_SIGNED_IN',
          message: 'No customer is signed in to this conversation, so no order can be looked up or changed.',
        }),
        ...answer('Please sign in to your account first; then I can look up your orders and help with them.'),
      ];
    }
    if (orderId && !order) {
      return [
        ...refusedLookup(orderId, {
          error: 'ORDER_NOT_FOUND',
          message: `No order has the id ${orderId}. Ask the customer to check the order id.`,
          orderId,
        }),
        ...answer(`I could not find an order with the id ${orderId}. Could you check it?`),
      ];
    }
    if (/return/i.test(text) || (askedWhichOrder.has(request.sessionId) && order)) {
      askedWhichOrder.delete(request.sessionId);
      if (!order) {
        askedWhichOrder.add(request.sessionId);
        return [
          guardrailTrace('NONE'),
          ...answer(
            'I can help with that. Which order would you like to return? Please give me its order id, for example ORD-1001.',
          ),
        ];
      }
      const lookup = statusLookup(order);
      if (returned.has(order.orderId)) {
        return [
          ...lookup,
          ...answer(`Order ${order.orderId} already has a return: RET-${order.orderId.slice(4)}.`),
        ];
      }
      if (order.status !== 'DELIVERED') {
        return [
          ...lookup,
          ...answer(
            `Order ${order.orderId} is ${order.status.toLowerCase()}, so a return cannot be started for it.`,
          ),
        ];
      }
      const reason = /(arrived )?damaged|broken|flicker\w*/i.exec(text)?.[0] ?? 'customer request';
      pending.set(request.sessionId, { orderId: order.orderId, reason });
      return [
        ...lookup,
        rationaleTrace(
          `${order.orderId} is delivered and inside the return window; the customer must confirm the return.`,
        ),
        confirmationRequest(`inv-${order.orderId}`, {
          actionGroup: ACTION_GROUP,
          httpMethod: 'POST',
          apiPath: '/orders/{orderId}/return',
          parameters: { orderId: order.orderId },
          body: { reason },
        }),
      ];
    }
    if (/address|send order|deliver .* to/i.test(text) && order) {
      const lookup = statusLookup(order);
      if (order.status !== 'PLACED') {
        return [
          ...lookup,
          ...answer(
            `Order ${order.orderId} has already shipped, so its shipping address can no longer be changed. If it cannot be delivered, it will come back to us and you will be refunded.`,
          ),
        ];
      }
      return [
        ...lookup,
        ...answer(`Order ${order.orderId} has not shipped yet. Please give me the full new address.`),
      ];
    }
    if (order) {
      const eta = order.estimatedDelivery ? ` and should arrive by ${order.estimatedDelivery}` : '';
      return [
        ...statusLookup(order),
        ...answer(`Your order ${order.orderId} is ${order.status.toLowerCase()}${eta}.`),
      ];
    }
    return answer('I can look up your orders, start returns and change shipping addresses. How can I help?');
  };
}

function statusLookup(order: Order): Frame[] {
  return [
    guardrailTrace('NONE'),
    rationaleTrace(`I will look up order ${order.orderId} to see its status.`),
    actionCallTrace({
      actionGroup: ACTION_GROUP,
      verb: 'GET',
      apiPath: '/orders/{orderId}',
      parameters: { orderId: order.orderId },
    }),
    observationTrace({
      orderId: order.orderId,
      status: order.status,
      estimatedDelivery: order.estimatedDelivery,
    }),
    usageTrace(1288, 47),
  ];
}

/** The agent looks an order up and the order API refuses (401 without a customer, 404 for anyone else's order). */
function refusedLookup(orderId: string, body: Record<string, string>): Frame[] {
  return [
    guardrailTrace('NONE'),
    rationaleTrace(`I will look up order ${orderId}.`),
    actionCallTrace({
      actionGroup: ACTION_GROUP,
      verb: 'GET',
      apiPath: '/orders/{orderId}',
      parameters: { orderId },
    }),
    observationTrace(body),
    usageTrace(1190, 41),
  ];
}

/** The final answer, streamed in a few chunks the way streamFinalResponse delivers it. */
function answer(text: string, citations?: unknown[]): Frame[] {
  const words = text.split(' ');
  const third = Math.ceil(words.length / 3);
  const parts = [0, 1, 2]
    .map((index) => words.slice(index * third, (index + 1) * third).join(' '))
    .filter(Boolean);
  const frames: Frame[] = [
    trace({
      orchestrationTrace: { observation: { traceId: 't-9', type: 'FINISH', finalResponse: { text } } },
    }),
  ];
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    frames.push(chunk(last ? part : `${part} `, last ? citations : undefined), pause(15));
  });
  return frames;
}
