import type { OrderStatus } from './statuses';

/**
 * Base class of every error the order domain raises on purpose. `code` is stable and machine-readable; `message`
 * is written so an agent can relay it to the customer; `details` are extra facts worth showing.
 */
export abstract class OrderError extends Error {
  /** Set explicitly in each class: the minified bundle renames classes. */
  abstract override readonly name: string;
  abstract readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  protected constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.details = details;
  }
}

/** An input broke a rule of its own (format, length): nothing was read or changed. */
export class InvalidOrderInputError extends OrderError {
  override readonly name = 'InvalidOrderInputError';
  readonly code = 'INVALID_PARAMETER';
  constructor(
    readonly field: string,
    message: string,
    readonly allowed: string,
  ) {
    super(message, { field, allowed });
  }
}

/**
 * No customer is signed in to the conversation (the trusted caller set no customer id): nothing was read or
 * changed. The message tells the agent what to say; it never echoes the value that was sent.
 */
export class CustomerNotSignedInError extends OrderError {
  override readonly name = 'CustomerNotSignedInError';
  readonly code = 'CUSTOMER_NOT_SIGNED_IN';
  constructor() {
    super(
      'No customer is signed in to this conversation, so no order can be looked up or changed. Ask the customer to sign in to their account and try again.',
    );
  }
}

/** No order has this id, or (see {@link OrderOfAnotherCustomerError}) none that the signed-in customer owns. */
export class OrderNotFoundError extends OrderError {
  override readonly name: string = 'OrderNotFoundError';
  readonly code = 'ORDER_NOT_FOUND';
  constructor(readonly orderId: string) {
    super(`No order has the id ${orderId}. Ask the customer to check the order id.`, { orderId });
  }
}

/**
 * The order exists but belongs to another customer. It is an OrderNotFoundError with the same code, message and
 * details, so the answer is exactly that of a missing order and no one learns which ids exist; only the audit
 * record (server side) tells the two apart.
 */
export class OrderOfAnotherCustomerError extends OrderNotFoundError {
  override readonly name = 'OrderOfAnotherCustomerError';
}

/** A return was asked for an order that is not DELIVERED. */
export class OrderNotDeliveredError extends OrderError {
  override readonly name = 'OrderNotDeliveredError';
  readonly code = 'ORDER_NOT_DELIVERED';
  constructor(
    readonly orderId: string,
    readonly status: OrderStatus,
  ) {
    super(
      status === 'CANCELLED'
        ? `Order ${orderId} was cancelled, so it cannot be returned.`
        : `Order ${orderId} has status ${status}: a return can start only once it has been delivered.`,
      { orderId, status },
    );
  }
}

/** A return was asked after the return window of a DELIVERED order closed. */
export class ReturnWindowClosedError extends OrderError {
  override readonly name = 'ReturnWindowClosedError';
  readonly code = 'RETURN_WINDOW_CLOSED';
  constructor(
    readonly orderId: string,
    readonly deliveredAt: string,
    readonly returnWindowEndsAt: string,
  ) {
    super(
      `Order ${orderId} was delivered at ${deliveredAt}; its return window ended at ${returnWindowEndsAt}, so it can no longer be returned.`,
      { orderId, deliveredAt, returnWindowEndsAt },
    );
  }
}

/** The shipping address was to change on an order that is no longer PLACED. */
export class AddressChangeNotAllowedError extends OrderError {
  override readonly name = 'AddressChangeNotAllowedError';
  readonly code = 'ADDRESS_CHANGE_NOT_ALLOWED';
  constructor(
    readonly orderId: string,
    readonly status: OrderStatus,
  ) {
    super(
      `Order ${orderId} has status ${status}: the shipping address can change only before the order ships (status PLACED).`,
      { orderId, status },
    );
  }
}

/**
 * The order store did not answer in time (unreachable, throttled, failing). Every operation is safe to repeat
 * (a repeated return gets the same return, a repeated address change sets the same address), so the message
 * invites a retry.
 */
export class OrderStoreUnavailableError extends OrderError {
  override readonly name = 'OrderStoreUnavailableError';
  readonly code = 'ORDER_SYSTEM_UNAVAILABLE';
  constructor(options?: ErrorOptions) {
    super(
      'The order system is not available right now. Please try again in a few minutes; repeating the request is safe.',
      {},
      options,
    );
  }
}
