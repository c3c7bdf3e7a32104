import { DynamoDbHttpClient, type DynamoDbHttpClientProps } from './dynamodb-http-client';
import type { DynamoDbItemClient } from './item-client';

/** Where, as whom and how patiently the Lambda calls DynamoDB: see {@link DynamoDbHttpClientProps}. */
export type DynamoDbClientOptions = DynamoDbHttpClientProps;

/**
 * The Lambda's DynamoDB client, whose calls fail fast: each attempt is bounded, and retries are few, so a slow or
 * unreachable table becomes an error well inside the Lambda timeout. Region, credentials and endpoint come from
 * the standard variables (`AWS_REGION`, `AWS_ACCESS_KEY_ID`..., `AWS_ENDPOINT_URL_DYNAMODB`) unless given.
 */
export function createDynamoDbClient(options: DynamoDbClientOptions = {}): DynamoDbItemClient {
  return new DynamoDbHttpClient(options);
}
