import type { BedrockAgentParameter, OpenApiActionEvent } from '@order-agent/action-handler';
import fixtureFile from '../../../fixtures/orders.json';

/** A sample customer who owns orders in several statuses (ORD-1001 DELIVERED, ORD-1003 SHIPPED, ...). */
export const CUSTOMER_A = 'CUST-1001';
/** Another sample customer (ORD-1002 PLACED, ORD-1009 DELIVERED, ...). */
export const CUSTOMER_B = 'CUST-1002';

/** Who owns each order these tests know: the seeded ones, and those a test stored with {@link rememberOwner}. */
const owners = new Map<string, string>(fixtureFile.orders.map((order) => [order.orderId, order.customerId]));

/** Records who owns an order a test stored itself, so events about it are sent in that customer's session. */
export function rememberOwner(order: { readonly orderId: string; readonly customerId: string }): void {
  owners.set(order.orderId, order.customerId);
}

/** The owner of an order these tests know, or {@link CUSTOMER_A} for one no one owns. */
export function ownerOf(orderId: string): string {
  return owners.get(orderId) ?? CUSTOMER_A;
}

/**
 * Whose session an event is sent in: a customer id; `null` for a session where no customer is signed in; by
 * default (undefined) the owner of the event's order, or {@link CUSTOMER_A} for an order no one owns.
 */
export type Caller = string | null | undefined;

/** Events exactly as Amazon Bedrock sends them to an OpenAPI action group (every value a string). */
export function bedrockEvent(
  apiPath: string,
  httpMethod: string,
  parameters: Record<string, string>,
  body?: Record<string, string>,
  caller?: Caller,
): OpenApiActionEvent {
  const list = (values: Record<string, string>): BedrockAgentParameter[] =>
    Object.entries(values).map(([name, value]) => ({ name, type: 'string', value }));
  const customerId = caller === undefined ? ownerOf(parameters.orderId ?? '') : caller;
  return {
    messageVersion: '1.0',
    agent: { name: 'order-agent', id: 'AGENT12345', alias: 'TSTALIASID', version: 'DRAFT' },
    inputText: 'Where is my order?',
    sessionId: '123456789012345',
    actionGroup: 'order-management',
    apiPath,
    httpMethod,
    parameters: list(parameters),
    ...(body ? { requestBody: { content: { 'application/json': { properties: list(body) } } } } : {}),
    sessionAttributes: { customerTier: 'gold', ...(customerId === null ? {} : { customerId }) },
    promptSessionAttributes: {},
  };
}

export const getOrderStatusEvent = (orderId: string, caller?: Caller) =>
  bedrockEvent('/orders/{orderId}', 'GET', { orderId }, undefined, caller);

export const initiateReturnEvent = (orderId: string, reason: string, caller?: Caller) =>
  bedrockEvent('/orders/{orderId}/return', 'POST', { orderId }, { reason }, caller);

export const updateShippingAddressEvent = (
  orderId: string,
  address: Record<string, string>,
  caller?: Caller,
) => bedrockEvent('/orders/{orderId}/shipping-address', 'PUT', { orderId }, address, caller);

/** The parts of an answer the tests read: status and parsed body, after checking the envelope's shape. */
export function readAnswer(response: unknown): { status: number; body: Record<string, unknown> } {
  const envelope = response as {
    messageVersion: string;
    response: { httpStatusCode: number; responseBody: { 'application/json': { body: string } } };
  };
  if (envelope.messageVersion !== '1.0')
    throw new Error(`not a Bedrock envelope: ${JSON.stringify(response)}`);
  const text = envelope.response.responseBody['application/json'].body;
  return { status: envelope.response.httpStatusCode, body: JSON.parse(text) as Record<string, unknown> };
}
