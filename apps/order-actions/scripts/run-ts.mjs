// Runs one TypeScript entry point of this package with Node: esbuild bundles it (workspace packages, which
// export TypeScript, are bundled; everything else stays in node_modules) into a temporary file, which then runs
// with the remaining arguments. Used by `npm run dev` and `npm run seed`; no TypeScript runtime is needed.
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
// Inside the package, so that Node resolves the external packages from the workspace's node_modules.
const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'run-ts');
mkdirSync(cacheDir, { recursive: true });
const outfile = join(cacheDir, `${basename(entry, '.ts')}-${process.pid}.cjs`);
const keepNodeModulesExternal = {
  name: 'keep-node-modules-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@order-agent/') ? undefined : { path: args.path, external: true },
    );
  },
};
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [keepNodeModulesExternal],
});
process.on('exit', () => rmSync(outfile, { force: true }));
process.argv = [process.argv[0], outfile, ...args];
createRequire(import.meta.url)(outfile);
