// Runs the scripted stand-in (tests/integration/support/stand-in.ts) with Node: esbuild bundles it into a
// temporary file (workspace packages bundled, npm packages left in node_modules), which then runs.
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(packageDir, 'node_modules', '.cache', 'stand-in');
mkdirSync(cacheDir, { recursive: true });
const outfile = join(cacheDir, `stand-in-${process.pid}.cjs`);
await build({
  entryPoints: [join(packageDir, 'tests/integration/support/stand-in.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'keep-node-modules-external',
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@order-agent/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
process.on('exit', () => rmSync(outfile, { force: true }));
process.argv = [process.argv[0], outfile, ...process.argv.slice(2)];
createRequire(import.meta.url)(outfile);
