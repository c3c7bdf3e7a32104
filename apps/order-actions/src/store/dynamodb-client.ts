import { DynamoDbHttpClient } from './dynamodb-http-client';
import type { DynamoDbItemClient } from './item-client';

/** How the Lambda reaches DynamoDB, and how long it waits before answering 503; see the README's "Time budget". */
export interface DynamoDbClientOptions {
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
   * Attempts per call, first one included (retried with backoff).
   * @default 3
   */
  readonly maxAttempts?: number;
  /**
   * The DynamoDB endpoint, e.g. `http://127.0.0.1:8000`.
   * @default AWS_ENDPOINT_URL_DYNAMODB, else the regional endpoint
   */
  readonly endpoint?: string;
  /** @default AWS_REGION */
  readonly region?: string;
  /** @default the environment's credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

/**
 * A DynamoDB client whose calls fail fast: each attempt is bounded, and retries are few, so a slow or unreachable
 * table becomes an error well inside the Lambda timeout. Region, credentials and endpoint come from the standard
 * configuration (`AWS_REGION`, the environment's credentials, `AWS_ENDPOINT_URL_DYNAMODB`) unless given.
 */
export function createDynamoDbClient(options: DynamoDbClientOptions = {}): DynamoDbItemClient {
  return new DynamoDbHttpClient({
    ...options,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 1000,
    requestTimeoutMs: options.requestTimeoutMs ?? 1000,
    maxAttempts: options.maxAttempts ?? 3,
  });
}
