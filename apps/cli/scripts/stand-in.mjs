// Runs the scripted stand-in (tests/integration/support/stand-in.ts) with Node: esbuild bundles it into a
// temporary file (workspace packages bundled, npm packages left in node_modules), which then runs.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode, runBundle } from '../../../scripts/esbuild-workspace.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(packageDir, 'node_modules', '.cache', 'stand-in');
mkdirSync(cacheDir, { recursive: true });
const outfile = join(cacheDir, `stand-in-${process.pid}.cjs`);
await bundleForNode({ entryPoints: [join(packageDir, 'tests/integration/support/stand-in.ts')], outfile });
process.on('exit', () => rmSync(outfile, { force: true }));
runBundle(outfile, process.argv.slice(2));
