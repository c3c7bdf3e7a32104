import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDbItemClient } from './item-client';
import { SdkItemClient } from './sdk-item-client';

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
  return new SdkItemClient(
    new DynamoDBClient({
      maxAttempts: options.maxAttempts ?? 3,
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? 1000,
        requestTimeout: options.requestTimeoutMs ?? 1000,
        throwOnRequestTimeout: true,
      },
      ...(options.endpoint && { endpoint: options.endpoint }),
      ...(options.region && { region: options.region }),
      ...(options.credentials && { credentials: options.credentials }),
    }),
  );
}
