import type { Item } from './attribute-value';

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

/**
 * DynamoDB refused a conditional write: the condition (a domain rule) did not hold. Not a failure of the store:
 * the repository explains it from `item`, the item as it was (sent by DynamoDB when the request asked for
 * `ReturnValuesOnConditionCheckFailure: ALL_OLD` and the item exists), or from a consistent read when absent.
 */
export class ConditionalCheckFailedError extends Error {
  override readonly name = 'ConditionalCheckFailedError';
  constructor(
    readonly item: Item | undefined,
    options?: { readonly cause?: unknown },
  ) {
    super('the conditional request failed', options);
  }
}

/**
 * DynamoDB answered a call with an error: `name` is DynamoDB's error type (`ValidationException`,
 * `ResourceNotFoundException`, `ProvisionedThroughputExceededException`...), as the SDK names its errors.
 */
export class DynamoDbCallError extends Error {
  override readonly name: string;

  constructor(
    code: string,
    message: string,
    /** The HTTP status of the answer. */
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }
}

/** One attempt got no connection or no answer in time: retried (the call's own budget is its deadline). */
export class DynamoDbTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** The call's deadline (the request's time budget) passed before an answer: not retried. */
export class DynamoDbDeadlineError extends Error {
  override readonly name = 'DeadlineExceededError';
  constructor() {
    super("no answer before the call's deadline (the request's time budget)");
  }
}
