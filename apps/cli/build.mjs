// Bundles the CLI into one CommonJS file for Node 20.
// Our workspace packages export TypeScript source, so they are bundled in; everything from npm (the AWS SDK,
// yaml, dynalite) stays external and is loaded from node_modules at run time, which keeps the bundle small and
// leaves packages with native or dynamic requires (dynalite's storage backends) untouched.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../scripts/esbuild-workspace.mjs';

await bundleForNode({
  absWorkingDir: dirname(fileURLToPath(import.meta.url)),
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  sourcemap: true,
  legalComments: 'none',
});
