import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../src/app';
import { loadInfraConfig } from '../../../src/config/load-config';
import {
  checkConfiguredModels,
  type ModelLifecycleTable,
  readModelLifecycleTable,
} from '../../../src/config/model-lifecycle';
import type { InfraConfig } from '../../../src/config/types';
import { ModelLifecycleError } from '../../../src/errors';
import { DEFAULT_CONFIG_FILE, MODEL_LIFECYCLE_FILE } from '../../../src/paths';
import { FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../../helpers';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
const table = readModelLifecycleTable(MODEL_LIFECYCLE_FILE);
const TODAY = new Date('2026-11-30T00:00:00Z');

const withDevModel = (modelId: string): InfraConfig => ({
  ...config,
  environments: config.environments.map((environment) =>
    environment.name === 'dev' ? { ...environment, modelId } : environment,
  ),
});
const withEndOfLife = (id: string, endOfLife: string): ModelLifecycleTable => ({
  ...table,
  models: { ...table.models, [id]: { ...table.models[id]!, lifecycle: 'LEGACY', endOfLife } },
});

describe('model lifecycle check (offline, at synth)', () => {
  it('passes every configured chat and embedding model today', () => {
    expect(checkConfiguredModels(config, table, new Date())).toEqual({ errors: [], warnings: [] });
  });

  it('records for every model where its lifecycle was read and when', () => {
    for (const entry of Object.values(table.models)) {
      expect(entry.modelCard).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/bedrock\//);
      expect(entry.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('fails a model past its end of life, naming it, its date and its model card', () => {
    const { errors } = checkConfiguredModels(
      withDevModel('anthropic.claude-3-haiku-20240307-v1:0'),
      table,
      TODAY,
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^dev chat model anthropic.claude-3-haiku-20240307-v1:0 \(Anthropic Claude 3 Haiku\) reached end of life on 2026-09-10 \(https:.*model-card-anthropic-claude-3-haiku.html, read 2026-11-30\); pick an ACTIVE model/,
      ),
    ]);
  });

  it('warns within 90 days of the end of life, and not before', () => {
    const soon = checkConfiguredModels(config, withEndOfLife('amazon.nova-2-lite-v1:0', '2027-02-27'), TODAY);
    expect(soon.errors).toEqual([]);
    expect(soon.warnings).toEqual([
      expect.stringMatching(/^dev chat model us.amazon.nova-2-lite-v1:0 .* in 89 days/),
    ]);
    const later = checkConfiguredModels(
      config,
      withEndOfLife('amazon.nova-2-lite-v1:0', '2027-03-31'),
      TODAY,
    );
    expect(later.warnings).toEqual([]);
  });

  it('fails a model missing from the table, and an inference profile whose regions are not listed', () => {
    expect(checkConfiguredModels(withDevModel('amazon.nova-pro-v1:0'), table, TODAY).errors).toEqual([
      'dev chat model amazon.nova-pro-v1:0 is not in the model lifecycle table: add it from its Bedrock model card',
    ]);
    const noProfiles = { ...table, inferenceProfiles: {} };
    expect(checkConfiguredModels(config, noProfiles, TODAY).errors).toContain(
      "dev chat model us.amazon.nova-2-lite-v1:0: list the inference profile's destination regions in the model lifecycle table",
    );
  });

  it('makes the synth fail on a model past its end of life, before anything is written', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'infra-eol-'));
    try {
      const synth = () =>
        buildApp({
          config: withDevModel('anthropic.claude-3-haiku-20240307-v1:0'),
          outdir: join(outdir, 'out'),
          bundleDir: FIXTURE_BUNDLE_DIR,
          kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
        });
      expect(synth).toThrow(ModelLifecycleError);
      expect(synth).toThrow(/reached end of life on 2026-09-10/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
