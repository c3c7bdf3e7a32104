import { withInitLock } from './init-lock';
import { type ProcessResult, runProcess } from './run-process';

export interface TerraformInitOptions {
  /**
   * Extra init flags.
   * @default ['-reconfigure'] (the backend of the working copy is always the synthesized one)
   */
  readonly flags?: readonly string[];
  /** Progress lines (a wait for another process's init). @default none */
  readonly log?: (line: string) => void;
}

/**
 * `terraform init` of one working directory. Terraform does not guarantee that its plugin cache is safe for
 * concurrent installs, and several processes (test workers, two terminals) share one cache: the init holds a
 * lock in the cache while it runs (withInitLock). With a warm cache an init only links the provider (about a
 * second), so waiting costs little.
 */
export async function terraformInit(
  binary: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: TerraformInitOptions = {},
): Promise<ProcessResult> {
  const cacheDir = env.TF_PLUGIN_CACHE_DIR;
  const flags = options.flags ?? ['-reconfigure'];
  const run = () => runProcess(binary, ['init', '-input=false', '-no-color', ...flags], { cwd, env });
  if (!cacheDir) return run();
  return withInitLock(cacheDir, run, options.log === undefined ? {} : { log: options.log });
}
