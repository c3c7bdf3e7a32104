import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { assertBundleBuilt, lambdaBundleAsset } from '../../../src/assets';

function bundleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-asset-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const assetOf = (dir: string) => lambdaBundleAsset(new TerraformStack(Testing.app(), 'test'), 'bundle', dir);

describe('lambdaBundleAsset', () => {
  const bundle = {
    'index.js': 'exports.handler=async()=>1;',
    'index.js.map': '{}',
    // A module the bundle requires on first use (scripts/esbuild-workspace.mjs): the function fails without it.
    'powertools-logger.js': 'exports.newPowertoolsLogger=()=>({});',
    'powertools-logger.js.map': '{}',
    'meta.json': '{"inputs":{}}',
  };

  it('packages every file the bundle loads and their source maps, not build reports', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const asset = lambdaBundleAsset(stack, 'bundle', bundleDir(bundle));
    expect(asset.path).toMatch(/\.zip$/);
    // The path is relative to the stack's own folder of the synthesized output, where cdktf copies the zip.
    const zip = join(Testing.fullSynth(stack), 'stacks', 'test', asset.path);
    expect(execFileSync('zipinfo', ['-1', zip], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      'index.js',
      'index.js.map',
      'powertools-logger.js',
      'powertools-logger.js.map',
    ]);
  });

  it('changes its hash when the code changes, and only then', () => {
    const first = assetOf(bundleDir(bundle)).assetHash;
    expect(assetOf(bundleDir({ ...bundle, 'meta.json': '{"other":1}' })).assetHash).toBe(first);
    expect(assetOf(bundleDir({ ...bundle, 'index.js': 'exports.handler=async()=>2;' })).assetHash).not.toBe(
      first,
    );
  });

  it('refuses a bundle that was not built, saying what to run', () => {
    expect(() => assertBundleBuilt(bundleDir({}), 'order-actions')).toThrow(
      /the order-actions bundle .*index\.js is missing: run `npm run build` first/,
    );
  });
});
