/**
 * The input Terraform's `aws_lambda_invocation` sends, as it arrives (unvalidated JSON).
 * `tf` is added by the provider when the invocation uses `lifecycle_scope = "CRUD"`.
 */
export interface RawIndexRequest {
  readonly collectionEndpoint?: unknown;
  readonly indexName?: unknown;
  readonly dimension?: unknown;
  readonly vectorField?: unknown;
  readonly textField?: unknown;
  readonly metadataField?: unknown;
  readonly region?: unknown;
  readonly timeoutSeconds?: unknown;
  readonly tf?: unknown;
}

/** Terraform lifecycle action reported under the `tf` key (CRUD scope); a plain invocation is a create. */
export type LifecycleAction = 'create' | 'update' | 'delete';

/** A validated request: everything the index step needs, with defaults applied. */
export interface IndexRequest {
  /** Collection endpoint, e.g. `https://abc123.eu-west-1.aoss.amazonaws.com` (http only for loopback hosts). */
  readonly endpoint: URL;
  /** Signing region: from the endpoint's host name, else the `region` input, else `AWS_REGION`. */
  readonly region: string;
  readonly indexName: string;
  /** Vector length of the embedding model (Titan Text Embeddings v2: 1024, 512 or 256). */
  readonly dimension: number;
  readonly vectorField: string;
  readonly textField: string;
  readonly metadataField: string;
  /** Total time allowed for all attempts, in milliseconds. */
  readonly budgetMs: number;
  readonly action: LifecycleAction;
}
