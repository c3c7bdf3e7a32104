// What the deploy roles' permission table is built from, and the shape of one row.
import type { PolicyStatement } from './policy-document';

export interface DeployScope {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  readonly project: string;
  readonly environment: string;
  /** The Bedrock chat and embedding model ids the environment uses (the preflight reads them). */
  readonly modelIds: readonly string[];
}

export interface PermissionRow {
  readonly sid: string;
  readonly read: readonly string[];
  readonly write: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: PolicyStatement['Condition'];
}
