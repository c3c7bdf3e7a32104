/** Base class of the store's own failures (bugs or bad data, not refusals): answered as internal errors. */
export class OrderStoreError extends Error {
  // Set explicitly: the minified bundle renames classes.
  override readonly name: string = 'OrderStoreError';
}

/** A stored item does not have the order shape (see fixtures/orders.json and the README's table layout). */
export class InvalidOrderItemError extends OrderStoreError {
  override readonly name = 'InvalidOrderItemError';
  constructor(
    readonly orderId: string,
    readonly problem: string,
  ) {
    super(`stored order ${orderId} is invalid: ${problem}`);
  }
}
