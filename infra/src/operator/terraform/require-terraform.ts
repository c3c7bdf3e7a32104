import { spawnSync } from 'node:child_process';
import { TerraformSetupError } from '../../errors';
import { MIN_TERRAFORM_VERSION } from '../../stacks/terraform-version';
import { quietEnv, terraformBinary } from './terraform-env';

/**
 * The one check every command makes before it runs terraform: the binary runs and is at least the version the
 * stacks require. Returns the version; throws one readable line otherwise.
 */
export function requireTerraform(env: NodeJS.ProcessEnv = process.env): string {
  const binary = terraformBinary(env);
  const { version, missing } = probeTerraform(binary, env);
  const install = `install Terraform >= ${MIN_TERRAFORM_VERSION} or set TERRAFORM_BINARY_NAME to its path`;
  if (version === undefined) {
    throw new TerraformSetupError(
      `terraform (${binary}) ${missing ? 'was not found' : 'did not report its version'}: ${install}`,
    );
  }
  if (compareVersions(version, MIN_TERRAFORM_VERSION) < 0) {
    throw new TerraformSetupError(
      `terraform ${version} (${binary}) is too old: the stacks need >= ${MIN_TERRAFORM_VERSION} (S3 state locking); ${install}`,
    );
  }
  return version;
}

/** Compares dotted versions numerically (`1.9.8` < `1.10.0`); a pre-release suffix is ignored. */
export function compareVersions(left: string, right: string): number {
  const parts = (version: string) =>
    version
      .split(/[-+]/)[0]!
      .split('.')
      .map((part) => Number(part) || 0);
  const [a, b] = [parts(left), parts(right)];
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The terraform version when the binary runs, else undefined. */
export function terraformVersion(binary = terraformBinary()): string | undefined {
  return probeTerraform(binary, process.env).version;
}

function probeTerraform(binary: string, env: NodeJS.ProcessEnv): { version?: string; missing: boolean } {
  const result = spawnSync(binary, ['version', '-json'], { encoding: 'utf8', env: quietEnv(env) });
  if (result.error !== undefined || result.status !== 0) return { missing: result.error !== undefined };
  try {
    const version = (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version;
    return version === undefined ? { missing: false } : { version, missing: false };
  } catch {
    return { missing: false };
  }
}
