import { readAnswer as readStrictly } from '@order-agent/action-handler/testing';
import fixtureFile from '../../../fixtures/orders.json';
import * as orderEvents from '../../../src/testing';

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

/** The customer an event is sent for: the caller as given, or the owner of the order. */
function customerFor(orderId: string, caller: Caller): string | null {
  return caller === undefined ? ownerOf(orderId) : caller;
}

/** An event of the order API (the one builder in src/testing), in the session of `caller`. */
export function bedrockEvent(
  apiPath: string,
  httpMethod: string,
  parameters: Record<string, string>,
  body?: Record<string, string>,
  caller?: Caller,
) {
  return orderEvents.orderEvent(
    apiPath,
    httpMethod,
    parameters,
    body,
    customerFor(parameters.orderId ?? '', caller),
  );
}

export const getOrderStatusEvent = (orderId: string, caller?: Caller) =>
  orderEvents.getOrderStatusEvent(orderId, customerFor(orderId, caller));

export const initiateReturnEvent = (orderId: string, reason: string, caller?: Caller) =>
  orderEvents.initiateReturnEvent(orderId, reason, customerFor(orderId, caller));

export const updateShippingAddressEvent = (
  orderId: string,
  address: Record<string, string>,
  caller?: Caller,
) => orderEvents.updateShippingAddressEvent(orderId, address, customerFor(orderId, caller));

/** An answer's status and parsed body, read by the strict envelope reader (an OpenAPI envelope Bedrock can read). */
export function readAnswer(response: unknown): { status: number; body: Record<string, unknown> } {
  const { status, body } = readStrictly(response, { kind: 'openapi' });
  return { status, body };
}
