import type { GetItemInput, UpdateItemInput } from '@aws-sdk/client-dynamodb';
import type { Item } from './attribute-value';

/** Per-call options of a {@link DynamoDbItemClient}. */
export interface ItemCallOptions {
  /**
   * When the call and its retries are abandoned, in epoch milliseconds (`Date.now()`): the request's time budget.
   * @default no deadline
   */
  readonly deadline?: number;
}

/**
 * The two DynamoDB calls the order repository makes, in the shapes of DynamoDB's JSON protocol (the SDK's input
 * types are imported as types only: they describe the wire format). This is the seam between the order rules,
 * written as ConditionExpressions in the repository, and how the requests reach DynamoDB.
 *
 * Failures: a refused condition throws {@link ConditionalCheckFailedError} (with the old item when DynamoDB sent
 * it); any other refusal by DynamoDB throws an Error whose `name` is DynamoDB's error type (`ValidationException`,
 * `ResourceNotFoundException`...); network failures and timeouts throw whatever they are.
 */
export interface DynamoDbItemClient {
  getItem(input: GetItemInput, options?: ItemCallOptions): Promise<{ readonly Item?: Item }>;
  updateItem(input: UpdateItemInput, options?: ItemCallOptions): Promise<{ readonly Attributes?: Item }>;
  /** Closes idle connections; the client is not used after this. */
  destroy(): void;
}
