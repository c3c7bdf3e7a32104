// Runs one TypeScript entry point of this package with Node: esbuild bundles it (workspace packages, which
// export TypeScript, are bundled; everything else stays in node_modules) into a temporary file, which then runs
// with the remaining arguments. Used by `npm run dev` and `npm run seed`; no TypeScript runtime is needed.
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode, runBundle } from '../../../scripts/esbuild-workspace.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
// Inside the package, so that Node resolves the external packages from the workspace's node_modules.
const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'run-ts');
mkdirSync(cacheDir, { recursive: true });
const outfile = join(cacheDir, `${basename(entry, '.ts')}-${process.pid}.cjs`);
await bundleForNode({ entryPoints: [resolve(entry)], outfile, sourcemap: 'inline' });
process.on('exit', () => rmSync(outfile, { force: true }));
runBundle(outfile, args);
