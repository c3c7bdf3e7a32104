import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** How long the Lambda waits for DynamoDB before answering 503; see the README's "Time budget". */
export interface DynamoDbClientTimeouts {
  /**
   * Abandon a connection attempt after this long.
   * @default 1000
   */
  readonly connectionTimeoutMs?: number;
  /**
   * Abandon an attempt whose response has not arrived this long after it was sent.
   * @default 1000
   */
  readonly requestTimeoutMs?: number;
  /**
   * Attempts per call, first one included (the SDK's standard retry strategy, with backoff).
   * @default 3
   */
  readonly maxAttempts?: number;
}

/**
 * A DynamoDB client whose calls fail fast: each attempt is bounded, and retries are few, so a slow or unreachable
 * table becomes an error well inside the Lambda timeout. Region, credentials and endpoint come from the standard
 * SDK configuration (`AWS_REGION`, the default credential chain, `AWS_ENDPOINT_URL_DYNAMODB`).
 */
export function createDynamoDbClient(timeouts: DynamoDbClientTimeouts = {}): DynamoDBClient {
  return new DynamoDBClient({
    maxAttempts: timeouts.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: timeouts.connectionTimeoutMs ?? 1000,
      requestTimeout: timeouts.requestTimeoutMs ?? 1000,
      throwOnRequestTimeout: true,
    },
  });
}
