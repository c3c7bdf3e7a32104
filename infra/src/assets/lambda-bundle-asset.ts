import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { AssetType, TerraformAsset } from 'cdktf';
import type { Construct } from 'constructs';
import { MissingInputError } from '../errors';
import { REPO_ROOT } from '../paths';
import { bundleZip } from './bundle-zip';

/** What goes into a Lambda's deployment package: the bundle and its source map, not build reports. */
const PACKAGED_FILE = /\.(js|mjs|cjs|map)$/;

/** Fails with one line saying what to run when the bundle of `what` has not been built. */
export function assertBundleBuilt(bundleDir: string, what: string): void {
  if (!existsSync(join(bundleDir, 'index.js'))) {
    const where = relative(REPO_ROOT, bundleDir) || bundleDir;
    throw new MissingInputError(
      `the ${what} bundle ${where}/index.js is missing: run \`npm run build\` first`,
    );
  }
}

/**
 * The esbuild bundle in `bundleDir` as a zipped file asset: `path` is the zip for a Lambda's `filename`, and
 * `assetHash` changes exactly when a packaged file does (the zip is deterministic), so a code change shows in the
 * plan. The zip is written once per content to a cache folder, then copied into the stack's output by cdktf.
 */
export function lambdaBundleAsset(scope: Construct, id: string, bundleDir: string): TerraformAsset {
  const names = readdirSync(bundleDir)
    .filter((name) => PACKAGED_FILE.test(name))
    .sort();
  const zip = bundleZip(names.map((name) => ({ name, data: readFileSync(join(bundleDir, name)) })));
  const digest = createHash('sha256').update(zip).digest('hex').slice(0, 32);
  const cacheDir = join(tmpdir(), 'order-agent-lambda-zips');
  const zipPath = join(cacheDir, `${digest}.zip`);
  if (!existsSync(zipPath)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(zipPath, zip);
  }
  return new TerraformAsset(scope, id, { path: zipPath, type: AssetType.FILE });
}
