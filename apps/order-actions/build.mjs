// Bundles the Lambda: dist/index.js (CommonJS, Node.js 22, minified, tree-shaken) exporting `handler`, with
// dist/index.js.map beside it, dist/powertools-logger.js (required on the first log line; see
// scripts/esbuild-workspace.mjs) and the esbuild metafile in dist/meta.json (what each input adds to the bundle).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLambda } from '../../scripts/esbuild-workspace.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const result = await bundleLambda({
  absWorkingDir: root,
  entryPoint: 'src/index.ts',
  outfile: 'dist/index.js',
});
await writeFile(join(dist, 'meta.json'), JSON.stringify(result.metafile));
const output = result.metafile.outputs['dist/index.js'];
const byPackage = new Map();
for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
  const name =
    input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
    relative(root, input).split('/').slice(0, 3).join('/');
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const largest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
console.log(
  `dist/index.js: ${kib(output.bytes)} (largest: ${largest.map(([name, bytes]) => `${name} ${kib(bytes)}`).join(', ')})`,
);
for (const { file, bytes } of result.loadedOnFirstUse) {
  console.log(`${relative(root, file)}: ${kib(bytes)} (loaded on first use)`);
}
