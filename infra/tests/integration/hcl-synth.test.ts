import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { loadInfraConfig } from '../../src/config/load-config';
import { tidyHclStacks, unquoteDependsOn } from '../../src/hcl-tidy';
import { terraformEnvironment } from '../../src/operator/terraform/terraform-env';
import { terraformInit } from '../../src/operator/terraform/terraform-init';
import { DEFAULT_CONFIG_FILE } from '../../src/paths';
import { FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../helpers';
import { describeWithTerraform } from '../support/terraform';

test('depends_on entries become references, on one line or several; other strings stay strings', () => {
  expect(unquoteDependsOn('depends_on = ["aws_iam_role.a", "data.aws_iam_policy_document.b"]')).toBe(
    'depends_on = [aws_iam_role.a, data.aws_iam_policy_document.b]',
  );
  expect(unquoteDependsOn('depends_on = [\n"aws_lambda_function.KB_Step-fn_54431707",\n"module.m",\n]')).toBe(
    'depends_on = [\naws_lambda_function.KB_Step-fn_54431707,\nmodule.m,\n]',
  );
  expect(unquoteDependsOn('name = "aws_iam_role.a"\ntags = ["x.y"]')).toBe(
    'name = "aws_iam_role.a"\ntags = ["x.y"]',
  );
});

describeWithTerraform('npm run synth:hcl output')('npm run synth:hcl output', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'infra-hcl-'));
  const terraformEnv = terraformEnvironment();

  beforeAll(() => {
    buildApp({
      config: loadInfraConfig(DEFAULT_CONFIG_FILE),
      hclOutput: true,
      outdir,
      bundleDir: FIXTURE_BUNDLE_DIR,
      kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
    }).synth();
    expect(tidyHclStacks(outdir, terraformEnv.env).notFormatted).toBeUndefined();
  });
  afterAll(() => {
    terraformEnv.dispose();
    rmSync(outdir, { recursive: true, force: true });
  });

  test('passes terraform fmt -check, with no quoted depends_on left', () => {
    const check = spawnSync('terraform', ['fmt', '-check', '-recursive', join(outdir, 'stacks')], {
      encoding: 'utf8',
      env: terraformEnv.env,
    });
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
    const dev = readFileSync(join(outdir, 'stacks', 'order-agent-dev', 'cdk.tf'), 'utf8');
    expect(dev).toMatch(/depends_on = \[\n\s+aws_/);
    expect(dev).not.toMatch(/depends_on = \[[^\]]*"/);
    // cdktf renders the terraform block's attributes by name only: the tidy step puts the constraint back.
    expect(dev).toMatch(/^terraform \{[\s\S]*^\s+required_version = ">= 1\.10\.0"$/m);
  });

  test('passes terraform validate with no warnings (the environment stack, on a local backend)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infra-hcl-validate-'));
    try {
      cpSync(join(outdir, 'stacks', 'order-agent-dev'), dir, { recursive: true });
      writeFileSync(
        join(dir, 'offline_override.tf'),
        'terraform {\n  backend "local" {\n    path = "offline.tfstate"\n  }\n}\n',
      );
      const init = await terraformInit('terraform', dir, terraformEnv.env);
      expect(init.code).toBe(0);
      const validate = spawnSync('terraform', ['validate', '-no-color', '-json'], {
        cwd: dir,
        encoding: 'utf8',
        env: terraformEnv.env,
      });
      const result = JSON.parse(validate.stdout) as {
        valid: boolean;
        warning_count: number;
        diagnostics: Array<{ summary: string }>;
      };
      expect(result.diagnostics.map((diagnostic) => diagnostic.summary)).toEqual([]);
      expect(result).toMatchObject({ valid: true, warning_count: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
