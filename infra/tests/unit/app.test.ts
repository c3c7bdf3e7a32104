import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { loadInfraConfig } from '../../src/config/load-config';
import { MissingInputError } from '../../src/errors';
import { DEFAULT_CONFIG_FILE } from '../../src/paths';
import { FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../helpers';

/** The stand-in bundles, so these tests do not depend on the Lambda builds. */
const bundles = { bundleDir: FIXTURE_BUNDLE_DIR, kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR };

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);

describe('buildApp', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = mkdtempSync(join(tmpdir(), 'infra-app-'));
  });
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));

  it('synthesizes the bootstrap stack, and per environment its stack and its deploy-access stack', () => {
    buildApp({ config, outdir, ...bundles }).synth();
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual([
      'order-agent-dev',
      'order-agent-dev-deploy-access',
      'order-agent-prod',
      'order-agent-prod-deploy-access',
      'order-agent-state',
    ]);
    for (const stack of Object.keys(manifest.stacks)) {
      expect(existsSync(join(outdir, 'stacks', stack, 'cdk.tf.json'))).toBe(true);
    }
  });

  it('records the outputs as { stack: { output id } }, the shape cdktf deploy --outputs-file writes', () => {
    buildApp({ config, outdir, ...bundles }).synth();
    const dev = JSON.parse(readFileSync(join(outdir, 'stacks', 'order-agent-dev', 'cdk.tf.json'), 'utf8'));
    expect(dev['//'].outputs).toEqual({
      'order-agent-dev': {
        action_group_id: 'action_group_id',
        agent_alias_id: 'agent_alias_id',
        agent_id: 'agent_id',
        data_source_id: 'data_source_id',
        function_name: 'function_name',
        guardrail_id: 'guardrail_id',
        guardrail_version: 'guardrail_version',
        knowledge_base_id: 'knowledge_base_id',
        region: 'region',
        table_name: 'table_name',
      },
    });
  });

  it('writes plain HCL when asked (the way out of CDKTF)', () => {
    buildApp({ config, outdir, ...bundles, hclOutput: true }).synth();
    const hcl = readFileSync(join(outdir, 'stacks', 'order-agent-dev', 'cdk.tf'), 'utf8');
    expect(hcl).toContain('resource "aws_bedrockagent_agent" "order_agent"');
    expect(hcl).toContain('resource "aws_bedrockagent_knowledge_base" "knowledge_base"');
  });

  it('tells to run the build when the Lambda bundle is missing', () => {
    const bundleDir = join(outdir, 'no-bundle');
    expect(() => buildApp({ config, outdir, ...bundles, bundleDir })).toThrow(MissingInputError);
    expect(() => buildApp({ config, outdir, ...bundles, bundleDir })).toThrow(
      /index\.js is missing: run `npm run build` first/,
    );
    const kbIndexBundleDir = join(outdir, 'no-kb-bundle');
    expect(() => buildApp({ config, outdir, ...bundles, kbIndexBundleDir })).toThrow(
      /the kb-index bundle .*index\.js is missing: run `npm run build` first/,
    );
  });

  it('names the file when the instruction cannot be read', () => {
    const instructionFile = join(outdir, 'instruction.md');
    expect(() => buildApp({ config, outdir, ...bundles, instructionFile })).toThrow(
      /cannot read the agent instruction/,
    );
  });
});
