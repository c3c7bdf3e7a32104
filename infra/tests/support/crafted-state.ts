import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';

export interface CraftedResource {
  readonly type: string;
  readonly name: string;
  /** The attributes Terraform would have stored; the provider fills in the rest of its schema as null. */
  readonly attributes: Record<string, unknown>;
}

const AWS_PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

/**
 * Writes a Terraform state (format version 4) holding the given AWS resources, as if an apply had created them:
 * what a plan with -refresh=false compares the configuration with, no AWS account needed.
 */
export function writeCraftedState(file: string, resources: readonly CraftedResource[]): void {
  const state = {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: randomUUID(),
    outputs: {},
    resources: resources.map(({ type, name, attributes }) => ({
      mode: 'managed',
      type,
      name,
      provider: AWS_PROVIDER,
      instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
    })),
    check_results: null,
  };
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}
