import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SavedPlanError } from '../../src/errors';
import { type ApplySavedPlanOptions, applySavedPlan } from '../../src/operator/apply-saved-plan';
import { type MakeSavedPlanOptions, makeSavedPlan } from '../../src/operator/make-saved-plan';
import { readSavedPlanMetadata, writeSavedPlanMetadata } from '../../src/operator/saved-plan-files';
import { synthHash } from '../../src/operator/synth-hash';
import { terraformEnvironment } from '../../src/operator/terraform/terraform-env';
import { writeSynthFixture } from '../support/synth-fixture';
import { describeWithTerraform } from '../support/terraform';

const ACCOUNT = '111111111111';

// A stack of built-in terraform_data resources on a local backend: plans and applies for real, with no provider.
describeWithTerraform('saved plans (terraform_data stack, local backend)')('saved plans', () => {
  const root = mkdtempSync(join(tmpdir(), 'infra-saved-plan-'));
  const synthDir = join(root, 'cdktf.out');
  const stateFile = join(root, 'demo.tfstate');
  const terraformEnv = terraformEnvironment();
  let printed: string[];

  const synthesize = (input: string) =>
    writeSynthFixture(synthDir, 'demo', {
      terraform: { required_version: '>= 1.10.0', backend: { local: { path: stateFile } } },
      resource: { terraform_data: { greeting: { input } } },
    });
  const plan = (overrides: Partial<MakeSavedPlanOptions> = {}) =>
    makeSavedPlan({
      synthDir,
      stack: 'demo',
      account: ACCOUNT,
      region: 'us-east-1',
      env: terraformEnv.env,
      allowDestroy: [],
      print: (text) => printed.push(text),
      ...overrides,
    });
  const apply = (planFile: string, overrides: Partial<ApplySavedPlanOptions> = {}) =>
    applySavedPlan({
      planFile,
      synthDir,
      currentSynthHash: synthHash(synthDir, 'demo'),
      currentAccount: ACCOUNT,
      env: terraformEnv.env,
      confirm: async () => true,
      print: (text) => printed.push(text),
      planCommand: 'npm run plan -- demo',
      ...overrides,
    });
  const appliedInput = () => {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      resources: Array<{ instances: Array<{ attributes: { input: { value: string } } }> }>;
    };
    return state.resources[0]?.instances[0]?.attributes.input.value;
  };

  beforeEach(() => {
    printed = [];
  });
  afterAll(() => {
    terraformEnv.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes the saved plan with its JSON, summary and metadata beside it', async () => {
    synthesize('one');
    const saved = await plan();
    expect(saved.files.plan).toBe(join(synthDir, 'plans', 'demo.tfplan'));
    expect(readFileSync(saved.files.summary, 'utf8')).toContain('plan: demo  1 to create');
    expect(readFileSync(saved.files.summary, 'utf8')).toContain('+ terraform_data.greeting');
    expect(JSON.parse(readFileSync(saved.files.json, 'utf8')).resource_changes).toHaveLength(1);
    expect(readSavedPlanMetadata(saved.files.plan)).toMatchObject({
      stack: 'demo',
      kind: 'apply',
      account: ACCOUNT,
      region: 'us-east-1',
      synthHash: synthHash(synthDir, 'demo'),
      terraformVersion: expect.stringMatching(/^1\.\d+\.\d+/),
      workDir: join(synthDir, 'plans', 'demo'),
      guard: { ok: true, blocked: [] },
    });
  });

  it('does nothing when the confirmation is declined, and applies exactly the saved plan when given', async () => {
    const { files } = await plan();
    let shown = '';
    const declined = await apply(files.plan, {
      confirm: async (summary) => {
        shown = summary;
        return false;
      },
    });
    expect(declined).toBe('declined');
    expect(shown).toContain('1 to create');
    await expect(apply(files.plan)).resolves.toBe('applied');
    expect(appliedInput()).toBe('one');
  });

  it('reports a plan whose state changed after it was made as stale, and applies nothing', async () => {
    synthesize('two');
    const older = await plan({ planFile: join(root, 'older.tfplan') });
    const newer = await plan({ planFile: join(root, 'newer.tfplan') });
    await apply(newer.files.plan);
    synthesize('two');
    await expect(apply(older.files.plan)).rejects.toThrow(
      /^the saved plan is stale: the state of demo changed after the plan was made.*npm run plan -- demo/,
    );
    expect(appliedInput()).toBe('two');
  });

  it('refuses a plan the code no longer synthesizes', async () => {
    synthesize('three');
    const { files } = await plan();
    synthesize('four');
    await expect(apply(files.plan)).rejects.toThrow(
      /code no longer synthesizes what this plan was made from/,
    );
    expect(appliedInput()).toBe('two');
  });

  it('refuses a plan made for another account than the credentials', async () => {
    synthesize('three');
    const { files } = await plan();
    await expect(apply(files.plan, { currentAccount: '999999999999' })).rejects.toThrow(
      /made for account 111111111111, but the credentials belong to account 999999999999/,
    );
  });

  it('refuses a plan whose guard failed', async () => {
    const { files, metadata } = await plan();
    const blocked = { address: 'aws_s3_bucket.state', type: 'aws_s3_bucket', action: 'delete' as const };
    writeSavedPlanMetadata(files.plan, {
      ...metadata,
      guard: { ok: false, blocked: [blocked], allowed: [] },
    });
    await expect(apply(files.plan)).rejects.toThrow(SavedPlanError);
    await expect(apply(files.plan)).rejects.toThrow(
      /failed the plan guard \(it would destroy aws_s3_bucket.state\)/,
    );
  });

  it('destroys through a saved destroy plan', async () => {
    const { files, metadata } = await plan({ destroy: true });
    expect(metadata).toMatchObject({ kind: 'destroy', counts: { delete: 1 } });
    await apply(files.plan);
    expect(appliedInput()).toBeUndefined();
  });
});
