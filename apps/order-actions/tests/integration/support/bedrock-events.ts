import type { BedrockAgentParameter, OpenApiActionEvent } from '@order-agent/action-handler';

/** Events exactly as Amazon Bedrock sends them to an OpenAPI action group (every value a string). */
export function bedrockEvent(
  apiPath: string,
  httpMethod: string,
  parameters: Record<string, string>,
  body?: Record<string, string>,
): OpenApiActionEvent {
  const list = (values: Record<string, string>): BedrockAgentParameter[] =>
    Object.entries(values).map(([name, value]) => ({ name, type: 'string', value }));
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
    sessionAttributes: { customerTier: 'gold' },
    promptSessionAttributes: {},
  };
}

export const getOrderStatusEvent = (orderId: string) => bedrockEvent('/orders/{orderId}', 'GET', { orderId });

export const initiateReturnEvent = (orderId: string, reason: string) =>
  bedrockEvent('/orders/{orderId}/return', 'POST', { orderId }, { reason });

export const updateShippingAddressEvent = (orderId: string, address: Record<string, string>) =>
  bedrockEvent('/orders/{orderId}/shipping-address', 'PUT', { orderId }, address);

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
