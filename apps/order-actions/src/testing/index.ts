import type { OpenApiActionEvent } from '@order-agent/action-handler';
import { jsonRequestBody, openApiEvent } from '@order-agent/action-handler/testing';

/**
 * Events for the operations of schemas/order-management-api.json (`@order-agent/order-actions/testing`), built by
 * the action handler's one event builder: every value a string, as Bedrock sends them. Used by this package's
 * tests and the bench.
 */

/**
 * An event of the order-management action group in the session of `customerId` (`null`: no customer signed in);
 * `body` present means a flattened JSON request body.
 */
export function orderEvent(
  apiPath: string,
  httpMethod: string,
  parameters: Record<string, string>,
  body: Record<string, string> | undefined,
  customerId: string | null,
): OpenApiActionEvent {
  return openApiEvent(apiPath, httpMethod, parameters, {
    agent: { name: 'order-agent', id: 'AGENT12345', alias: 'TSTALIASID', version: 'DRAFT' },
    inputText: 'Where is my order?',
    sessionId: '123456789012345',
    actionGroup: 'order-management',
    ...(body ? { requestBody: jsonRequestBody(body) } : {}),
    sessionAttributes: { customerTier: 'gold', ...(customerId === null ? {} : { customerId }) },
    promptSessionAttributes: {},
  });
}

export const getOrderStatusEvent = (orderId: string, customerId: string | null) =>
  orderEvent('/orders/{orderId}', 'GET', { orderId }, undefined, customerId);

export const initiateReturnEvent = (orderId: string, reason: string, customerId: string | null) =>
  orderEvent('/orders/{orderId}/return', 'POST', { orderId }, { reason }, customerId);

export const updateShippingAddressEvent = (
  orderId: string,
  address: Record<string, string>,
  customerId: string | null,
) => orderEvent('/orders/{orderId}/shipping-address', 'PUT', { orderId }, address, customerId);

/** A valid new shipping address, different from every fixture order's. */
export const NEW_ADDRESS = {
  name: 'Sam Lee',
  line1: '1 New Road',
  city: 'Leeds',
  postalCode: 'LS1 4AP',
  country: 'GB',
} as const;
