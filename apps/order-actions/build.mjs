// Bundles the Lambda: dist/index.js (CommonJS, Node.js 22, minified, tree-shaken) exporting `handler`, with
// dist/index.js.map beside it and the esbuild metafile in dist/meta.json (what each input adds to the bundle).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

/**
 * Modules of the SDK that the Lambda bundle replaces with smaller or cheaper ones (src/bundle/*.ts say why, each
 * with what it saves). Tests, `npm run dev` and other consumers of the sources keep the SDK's own modules.
 * `from`: the import as written; `inside`: swap only when the importer is in that package (these are its private
 * files, imported by relative path).
 */
const lambdaSwaps = [
  // The environment credentials only: the rest of the default chain is ~120 KiB the Lambda never uses.
  { from: /^@aws-sdk\/credential-provider-node$/, to: 'src/bundle/lambda-credential-provider.ts' },
  // DynamoDB has no event streams: ~19 KiB and ~4 ms of every cold start.
  { from: /^@smithy\/core\/event-streams$/, to: 'src/bundle/no-event-streams.ts' },
  // Request ids from node:crypto instead of the global Web Crypto, which Node would initialise: 1.3 ms.
  { from: /^\.\/uuid\/v4$/, inside: '@smithy/core', to: 'src/bundle/random-uuid.ts' },
  // Response bodies checked without loading Node's Web Streams: 1.8 ms.
  { from: /^\.\.?\/stream-type-check$/, inside: '@smithy/core', to: 'src/bundle/stream-type-check.ts' },
  // CRC-32 (for event streams only, so never used here) without loading node:zlib at start-up: 1.2 ms. The
  // SDK's own pure-JavaScript implementation, sitting beside the file it replaces.
  {
    from: /^\.\/crc32\/Crc32Node$/,
    inside: '@smithy/core',
    contents: "export { Crc32Js as Crc32Node } from './Crc32Js';",
  },
];

const lambdaModules = {
  name: 'lambda-modules',
  setup(pluginBuild) {
    lambdaSwaps.forEach((swap, index) => {
      pluginBuild.onResolve({ filter: swap.from }, (args) => {
        if (swap.inside && !args.importer.includes(`/node_modules/${swap.inside}/`)) return undefined;
        swap.used = true;
        if (swap.to) return { path: join(root, swap.to) };
        return { path: join(args.resolveDir, args.path), namespace: 'lambda-modules', pluginData: index };
      });
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lambda-modules' }, (args) => ({
      contents: lambdaSwaps[args.pluginData].contents,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // The SDK's ES module builds tree-shake far better than its CommonJS ones (measured: 514 -> 324 KiB for the
  // client alone), and packages without an "exports" map are picked by mainFields.
  mainFields: ['module', 'main'],
  // keepNames would cost 17 KiB; the error classes that reach logs set their names explicitly instead.
  minify: true,
  treeShaking: true,
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  metafile: true,
  // `import()` of a Node built-in (the SDK's HTTP handler loads node:http so) becomes a `require`: a dynamic import
  // would start Node's ES module loader for it, ~1.7 ms of every cold start.
  supported: { 'dynamic-import': false },
  plugins: [lambdaModules],
  logLevel: 'warning',
});
await writeFile(join(dist, 'meta.json'), JSON.stringify(result.metafile));
// A swap that no longer matches (the SDK moved a file) would silently cost its start-up time again.
const unused = lambdaSwaps.filter((swap) => !swap.used).map((swap) => String(swap.from));
if (unused.length > 0)
  throw new Error(`build.mjs: these module swaps matched no import: ${unused.join(', ')}`);

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
