/**
 * What the ingestion step did: `started` a job (Bedrock runs it on its own; `order-agent kb sync` or the console
 * shows its progress), or `skipped` on a Terraform destroy with `lifecycle_scope = "CRUD"`.
 */
export interface IngestionResult {
  readonly status: 'started' | 'skipped';
  readonly knowledgeBaseId: string;
  readonly dataSourceId: string;
  /** The new job's id (only when started). */
  readonly ingestionJobId?: string;
  /** The job's status as StartIngestionJob reported it (`STARTING`, ...). */
  readonly jobStatus?: string;
}
