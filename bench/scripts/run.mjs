// `npm run bench`: esbuild bundles src/main.ts (and src/handler-overhead/child.ts) (workspace packages, which export TypeScript, are bundled; every
// other package stays in node_modules) into node_modules/.cache/bench, then runs it with the remaining arguments.
// No TypeScript runtime is needed, and the code measured is the same source the Lambda bundle is built from.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode, runBundle } from '../../scripts/esbuild-workspace.mjs';

// The SDK's notice about Node.js 20 support would interleave with the progress lines.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const benchRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(benchRoot, 'node_modules', '.cache', 'bench');
mkdirSync(outdir, { recursive: true });

await bundleForNode({
  absWorkingDir: benchRoot,
  // The runner, and the child process the handler-overhead suite starts for each run.
  entryPoints: { main: 'src/main.ts', 'handler-overhead-child': 'src/handler-overhead/child.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  sourcemap: 'inline',
});
runBundle(join(outdir, 'main.cjs'), process.argv.slice(2));
