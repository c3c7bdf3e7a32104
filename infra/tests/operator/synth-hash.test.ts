import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { loadInfraConfig } from '../../src/config/load-config';
import { synthHash } from '../../src/operator/synth-hash';
import { DEFAULT_CONFIG_FILE } from '../../src/paths';
import { FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../helpers';

describe('synthHash', () => {
  const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
  const root = mkdtempSync(join(tmpdir(), 'infra-synth-hash-'));
  const synth = (name: string) => {
    const outdir = join(root, name);
    buildApp({
      config,
      outdir,
      bundleDir: FIXTURE_BUNDLE_DIR,
      kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
    }).synth();
    return outdir;
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is the same for two syntheses of the same code, a moment apart and elsewhere (apply could never run otherwise)', async () => {
    const first = synth('first');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = synth('second');
    expect(synthHash(second, 'order-agent-dev')).toBe(synthHash(first, 'order-agent-dev'));
  });

  it('changes with any synthesized file, and ignores what terraform leaves in the directory', () => {
    const outdir = synth('changed');
    const before = synthHash(outdir, 'order-agent-dev');
    writeFileSync(join(outdir, 'stacks', 'order-agent-dev', 'terraform.tfstate'), '{}');
    writeFileSync(join(outdir, 'stacks', 'order-agent-dev', '.terraform.lock.hcl'), '# lock');
    expect(synthHash(outdir, 'order-agent-dev')).toBe(before);
    writeFileSync(join(outdir, 'stacks', 'order-agent-dev', 'cdk.tf.json'), '{}');
    expect(synthHash(outdir, 'order-agent-dev')).not.toBe(before);
  });
});
