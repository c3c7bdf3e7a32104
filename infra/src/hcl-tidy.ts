// `npm run synth:hcl` output that reads like hand-written Terraform: cdktf 0.21 writes `depends_on` entries as
// quoted strings (deprecated since Terraform 0.12, one warning per entry on every validate/plan), renders the
// terraform block's plain attributes as `0 = "required_version"` (their names, not their values), and leaves the
// file unindented. This unquotes those references, restores required_version, and runs `terraform fmt` over each
// stack directory.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quietEnv, terraformBinary } from './operator/terraform/terraform-env';
import { REQUIRED_TERRAFORM_VERSION } from './stacks/terraform-version';

/** A resource or data source address inside a depends_on list: `aws_x.name`, `data.aws_x.name`, `module.m`. */
const QUOTED_REFERENCE = /"((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*)"/g;

/** `depends_on = [ "a.b", "c.d" ]` (one line or several) with bare references instead of strings. */
export function unquoteDependsOn(hcl: string): string {
  return hcl.replace(
    /(depends_on\s*=\s*\[)([^\]]*)(\])/g,
    (_all, open: string, list: string, close: string) => {
      return `${open}${list.replace(QUOTED_REFERENCE, '$1')}${close}`;
    },
  );
}

/** cdktf's `<index> = "required_version"` line back to the constraint every stack sets (PolicyCheckedStack). */
export function restoreRequiredVersion(hcl: string): string {
  return hcl.replace(
    /^(\s*)\d+ = "required_version"$/m,
    (_all, indent: string) => `${indent}required_version = ${JSON.stringify(REQUIRED_TERRAFORM_VERSION)}`,
  );
}

export interface HclTidyResult {
  readonly files: string[];
  /** Set when terraform could not format the files (not installed, or it failed): one line saying why. */
  readonly notFormatted?: string;
}

/** Tidies every `stacks/<name>/cdk.tf` under `outdir`. */
export function tidyHclStacks(outdir: string, env: NodeJS.ProcessEnv = process.env): HclTidyResult {
  const stacksDir = join(outdir, 'stacks');
  const dirs = existsSync(stacksDir)
    ? readdirSync(stacksDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(stacksDir, entry.name))
    : [];
  const files = dirs.map((dir) => join(dir, 'cdk.tf')).filter((file) => existsSync(file));
  for (const file of files) {
    writeFileSync(file, restoreRequiredVersion(unquoteDependsOn(readFileSync(file, 'utf8'))));
  }
  if (files.length === 0) return { files };
  const binary = terraformBinary(env);
  const formatted = spawnSync(binary, ['fmt', '-list=false', ...files], {
    encoding: 'utf8',
    env: quietEnv(env),
  });
  if (formatted.error)
    return { files, notFormatted: `${binary} not found, so the HCL is not formatted (terraform fmt)` };
  if (formatted.status !== 0) {
    const reason = (formatted.stderr || formatted.stdout).replace(/\s+/g, ' ').trim().slice(0, 300);
    return { files, notFormatted: `terraform fmt failed: ${reason}` };
  }
  return { files };
}
