import type {
  BedrockAgentParameter,
  FunctionActionEvent,
  OpenApiActionEvent,
} from '@order-agent/action-handler';

/**
 * The signed-in customer of every bench event (session attribute customerId); the bench's table gives every
 * order to this customer (local-table.ts).
 */
export const BENCH_CUSTOMER_ID = 'C-42';

/** Events exactly as Amazon Bedrock sends them (every value a string), with realistic agent and session data. */
const agent = { name: 'order-agent', id: 'AGENT12345', alias: 'TSTALIASID', version: '1' };
const strings = (values: Record<string, string>): BedrockAgentParameter[] =>
  Object.entries(values).map(([name, value]) => ({ name, type: 'string', value }));

export function openApiEvent(
  apiPath: string,
  httpMethod: string,
  parameters: Record<string, string>,
  body?: Record<string, string>,
): OpenApiActionEvent {
  return {
    messageVersion: '1.0',
    agent,
    inputText: 'Where is my order?',
    sessionId: '447512903318471',
    actionGroup: 'order-management',
    apiPath,
    httpMethod,
    parameters: strings(parameters),
    ...(body ? { requestBody: { content: { 'application/json': { properties: strings(body) } } } } : {}),
    sessionAttributes: { customerId: BENCH_CUSTOMER_ID },
    promptSessionAttributes: {},
  };
}

export const getOrderStatusEvent = (orderId: string) => openApiEvent('/orders/{orderId}', 'GET', { orderId });

export const initiateReturnEvent = (orderId: string, reason: string) =>
  openApiEvent('/orders/{orderId}/return', 'POST', { orderId }, { reason });

export const updateShippingAddressEvent = (orderId: string, address: Record<string, string>) =>
  openApiEvent('/orders/{orderId}/shipping-address', 'PUT', { orderId }, address);

/** A function-details event; `parameters` carry their declared types, values still strings. */
export function functionEvent(fn: string, parameters: readonly BedrockAgentParameter[]): FunctionActionEvent {
  return {
    messageVersion: '1.0',
    agent,
    inputText: 'Where is my order?',
    sessionId: '447512903318471',
    actionGroup: 'order-functions',
    function: fn,
    parameters,
    sessionAttributes: { customerId: BENCH_CUSTOMER_ID },
    promptSessionAttributes: {},
  };
}

export const sampleAddress = {
  name: 'Sam Lee',
  line1: '1 New Road',
  city: 'Leeds',
  postalCode: 'LS1 4AP',
  country: 'GB',
} as const;
