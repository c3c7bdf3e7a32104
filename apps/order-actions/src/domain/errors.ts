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

export class OrderNotFoundError extends OrderError {
  override readonly name = 'OrderNotFoundError';
  readonly code = 'ORDER_NOT_FOUND';
  constructor(readonly orderId: string) {
    super(`No order has the id ${orderId}. Ask the customer to check the order id.`, { orderId });
  }
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
