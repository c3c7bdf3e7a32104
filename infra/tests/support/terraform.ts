import { terraformVersion } from '../../src/operator/terraform/require-terraform';
import { terraformBinary } from '../../src/operator/terraform/terraform-env';

/**
 * `describe` when terraform runs here, else `describe.skip` with a loud warning; in CI (CI set) a missing
 * terraform fails the run instead, as the offline plan of every stack does.
 */
export function describeWithTerraform(what: string): jest.Describe {
  if (terraformVersion() !== undefined) return describe;
  if (process.env.CI)
    throw new Error(`CI is set but ${terraformBinary()} was not found: ${what} cannot be skipped`);
  console.warn(`\n*** ${terraformBinary()} not found: ${what} is SKIPPED. Install Terraform >= 1.10. ***\n`);
  return describe.skip;
}
