import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformSetupError } from '../../errors';

/** The mirror the machine image carries; used when TF_PLUGIN_MIRROR is not set. */
export const DEFAULT_PLUGIN_MIRROR = '/opt/tf-plugins';

/** The terraform executable: TERRAFORM_BINARY_NAME (as cdktf's Testing reads it) or `terraform` on PATH. */
export function terraformBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.TERRAFORM_BINARY_NAME || 'terraform';
}

/**
 * The provider mirror to install from: TF_PLUGIN_MIRROR when set (it must exist), else /opt/tf-plugins when
 * present, else none (terraform downloads providers from the registry as usual).
 */
export function pluginMirror(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.TF_PLUGIN_MIRROR;
  if (configured) {
    if (!existsSync(configured)) {
      throw new TerraformSetupError(
        `TF_PLUGIN_MIRROR=${configured} does not exist: point it at a provider mirror directory or unset it`,
      );
    }
    return configured;
  }
  return existsSync(DEFAULT_PLUGIN_MIRROR) ? DEFAULT_PLUGIN_MIRROR : undefined;
}

/** Environment for child processes that keeps the CLIs from phoning home (checkpoint and version checks). */
export function quietEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1' };
}

export interface TerraformEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly mirror: string | undefined;
  readonly pluginCacheDir: string;
  readonly cliConfigFile: string;
  /** Removes the temporary CLI configuration. */
  dispose(): void;
}

/**
 * Environment variables for terraform runs: a CLI configuration of our own (in a temp dir) that installs from
 * the mirror when there is one, and a shared plugin cache, so each stack's `init` links the ~600 MB provider
 * instead of copying it.
 */
export function terraformEnvironment(env: NodeJS.ProcessEnv = process.env): TerraformEnvironment {
  const mirror = pluginMirror(env);
  const pluginCacheDir = env.TF_PLUGIN_CACHE_DIR || join(tmpdir(), 'order-agent-terraform-plugin-cache');
  mkdirSync(pluginCacheDir, { recursive: true });
  const configDir = mkdtempSync(join(tmpdir(), 'order-agent-terraform-'));
  const cliConfigFile = join(configDir, 'terraform.rc');
  const installation =
    mirror === undefined
      ? ''
      : `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`;
  writeFileSync(cliConfigFile, `${installation}plugin_cache_dir = ${JSON.stringify(pluginCacheDir)}\n`);
  return {
    env: {
      ...quietEnv(env),
      TF_CLI_CONFIG_FILE: cliConfigFile,
      TF_PLUGIN_CACHE_DIR: pluginCacheDir,
      TF_IN_AUTOMATION: '1',
    },
    mirror,
    pluginCacheDir,
    cliConfigFile,
    dispose: () => rmSync(configDir, { recursive: true, force: true }),
  };
}

/**
 * Environment for terraform runs against real accounts (state commands, the guarded plan): the mirror and
 * shared plugin cache of terraformEnvironment() when a mirror is configured or present, else the caller's own
 * terraform configuration untouched (their TF_CLI_CONFIG_FILE, network mirror or credentials), version checks off.
 */
export function liveTerraformEnvironment(env: NodeJS.ProcessEnv = process.env): TerraformEnvironment {
  if (pluginMirror(env) !== undefined) return terraformEnvironment(env);
  return {
    env: { ...quietEnv(env), TF_IN_AUTOMATION: '1' },
    mirror: undefined,
    pluginCacheDir: env.TF_PLUGIN_CACHE_DIR ?? '',
    cliConfigFile: env.TF_CLI_CONFIG_FILE ?? '',
    dispose: () => {},
  };
}
