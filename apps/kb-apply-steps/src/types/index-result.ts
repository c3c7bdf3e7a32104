/**
 * What the step did: `created` the index, found it already there (`exists`), or, on a Terraform destroy with
 * `lifecycle_scope = "CRUD"`, left it in place (`retained`: it goes away with its collection).
 */
export type IndexStatus = 'created' | 'exists' | 'retained';

/** The JSON the Lambda returns; Terraform exposes it as `aws_lambda_invocation.result`. */
export interface IndexResult {
  readonly status: IndexStatus;
  readonly index: string;
}
