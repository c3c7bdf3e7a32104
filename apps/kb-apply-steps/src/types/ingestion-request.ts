import type { LifecycleAction } from './index-request';

/**
 * The input of the `startIngestion` entry point as `aws_lambda_invocation` sends it (unvalidated JSON).
 * `tf` is added by the provider when the invocation uses `lifecycle_scope = "CRUD"`.
 */
export interface RawIngestionRequest {
  readonly knowledgeBaseId?: unknown;
  readonly dataSourceId?: unknown;
  readonly description?: unknown;
  readonly region?: unknown;
  readonly endpoint?: unknown;
  readonly timeoutSeconds?: unknown;
  readonly tf?: unknown;
}

/** A validated request to start one ingestion job. */
export interface IngestionRequest {
  /** The Bedrock Agent API origin: `https://bedrock-agent.<region>.amazonaws.com` unless the input names one. */
  readonly endpoint: URL;
  /** Signing region: the `region` input, else `AWS_REGION`. */
  readonly region: string;
  readonly knowledgeBaseId: string;
  readonly dataSourceId: string;
  /** Shown on the job (at most 200 characters), e.g. which document set it ingests. */
  readonly description?: string;
  /** Total time allowed for all attempts, in milliseconds. */
  readonly budgetMs: number;
  /** `delete` on a Terraform destroy with `lifecycle_scope = "CRUD"`: nothing to start. */
  readonly action: LifecycleAction;
}
