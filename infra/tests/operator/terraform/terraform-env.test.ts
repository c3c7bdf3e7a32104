import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  liveTerraformEnvironment,
  pluginMirror,
  quietEnv,
  terraformBinary,
  terraformEnvironment,
} from '../../../src/operator/terraform/terraform-env';

describe('terraform environment', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'infra-tf-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('installs providers from TF_PLUGIN_MIRROR through a CLI configuration of its own, with a shared cache', () => {
    const cache = join(dir, 'cache');
    const environment = terraformEnvironment({ TF_PLUGIN_MIRROR: dir, TF_PLUGIN_CACHE_DIR: cache });
    try {
      const cliConfig = readFileSync(environment.cliConfigFile, 'utf8');
      expect(cliConfig).toContain(`filesystem_mirror {\n    path = ${JSON.stringify(dir)}`);
      expect(cliConfig).toContain(`plugin_cache_dir = ${JSON.stringify(cache)}`);
      expect(environment.env).toMatchObject({
        TF_CLI_CONFIG_FILE: environment.cliConfigFile,
        TF_PLUGIN_CACHE_DIR: cache,
        CHECKPOINT_DISABLE: '1',
        DISABLE_VERSION_CHECK: '1',
      });
    } finally {
      environment.dispose();
    }
  });

  it('refuses a TF_PLUGIN_MIRROR that does not exist', () => {
    expect(() => pluginMirror({ TF_PLUGIN_MIRROR: join(dir, 'missing') })).toThrow(/does not exist/);
  });

  it('keeps the CLIs from phoning home', () => {
    expect(quietEnv({ PATH: '/bin' })).toEqual({
      PATH: '/bin',
      CHECKPOINT_DISABLE: '1',
      DISABLE_VERSION_CHECK: '1',
    });
  });

  it('runs the binary TERRAFORM_BINARY_NAME names, else terraform', () => {
    expect(terraformBinary({ TERRAFORM_BINARY_NAME: '/opt/tf/terraform' })).toBe('/opt/tf/terraform');
    expect(terraformBinary({})).toBe('terraform');
  });

  it('uses the mirror and the shared cache for live runs too when a mirror is configured', () => {
    const environment = liveTerraformEnvironment({
      TF_PLUGIN_MIRROR: dir,
      TF_CLI_CONFIG_FILE: '/home/me/.terraformrc',
    });
    try {
      expect(environment.mirror).toBe(dir);
      expect(environment.env.TF_CLI_CONFIG_FILE).toBe(environment.cliConfigFile);
      expect(readFileSync(environment.cliConfigFile, 'utf8')).toContain('filesystem_mirror');
    } finally {
      environment.dispose();
    }
  });
});
