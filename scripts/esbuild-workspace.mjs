// esbuild for this workspace, in one place: the Lambda bundles (apps/order-actions, apps/kb-apply-steps), the CLI
// bundle (apps/cli), and the scripts that run a TypeScript entry point without a TypeScript runtime (npm run dev
// and seed, the CLI's stand-in, the bench). Workspace packages export TypeScript source
// (docs/decisions/internal-packages.md), so every bundle here includes them.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles our workspace packages (`@order-agent/*`) only: every npm package stays in node_modules and is loaded at
 * run time, which keeps the bundle small and leaves packages with native or dynamic requires (dynalite's storage
 * backends) untouched.
 */
export const keepNodeModulesExternal = {
  name: 'keep-node-modules-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@order-agent/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Bundles a Lambda for the nodejs22.x runtime: one CommonJS file, everything included (the function does not depend
 * on the SDK the runtime happens to ship), and beside it one file per module that workspace source loads with a
 * relative `require()` (see {@link loadOnFirstUse}). ES module builds are preferred (`mainFields`): they tree-shake
 * far better than the CommonJS ones. JSON is embedded as `JSON.parse('…')` (see {@link jsonAsParsedString}).
 * Minified without keepNames (the error classes that reach logs set their names explicitly); the source maps map
 * stack traces to file and line, without the sources. Returns esbuild's result for the main file, metafile
 * included (what each input adds to the bundle), and `loadedOnFirstUse`: the files built beside it.
 */
export async function bundleLambda({ absWorkingDir, entryPoint, outfile }) {
  const options = {
    absWorkingDir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  };
  const separate = new Map();
  const result = await build({
    ...options,
    entryPoints: [entryPoint],
    outfile,
    plugins: [loadOnFirstUse(separate), jsonAsParsedString],
  });
  const loadedOnFirstUse = [];
  for (const [name, source] of separate) {
    const file = join(dirname(outfile), `${name}.js`);
    const built = await build({
      ...options,
      entryPoints: [source],
      outfile: file,
      plugins: [jsonAsParsedString],
    });
    loadedOnFirstUse.push({
      file,
      bytes: Object.values(built.metafile.outputs).find((o) => o.entryPoint)?.bytes,
    });
  }
  return { ...result, loadedOnFirstUse };
}

/**
 * A relative `require()` in workspace source (`require('./powertools-logger')`) marks a module most invocations never
 * use: it is built as its own file beside the bundle and required from there at run time, so a cold start that does
 * not use it neither parses nor runs its code. In Jest and in the other bundles it is an ordinary require. The file
 * is bundled on its own: keep such a module to a thin wrapper of a library, since workspace code it imported would
 * exist twice (two classes of the same name, and `instanceof` false across the two files).
 */
function loadOnFirstUse(separate) {
  return {
    name: 'load-on-first-use',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\.?\// }, async (args) => {
        // Workspace source only: a dependency's own `require('./x')` stays in the bundle, as its author meant.
        if (args.kind !== 'require-call' || args.importer.includes('/node_modules/')) return undefined;
        const resolved = await pluginBuild.resolve(args.path, {
          kind: 'import-statement',
          resolveDir: args.resolveDir,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const name = basename(resolved.path).replace(/\.[cm]?[jt]s$/, '');
        if (name === 'index' || (separate.has(name) && separate.get(name) !== resolved.path)) {
          return { errors: [{ text: `${args.path}: another module already builds to ${name}.js` }] };
        }
        separate.set(name, resolved.path);
        return { path: `./${name}.js`, external: true };
      });
    },
  };
}

/**
 * JSON modules (the OpenAPI schema) as `module.exports = JSON.parse('…')` rather than esbuild's object literal: V8
 * parses a JSON string faster than the same object as JavaScript source, which counts on a cold start.
 */
const jsonAsParsedString = {
  name: 'json-as-parsed-string',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/** Bundles a program of this workspace for Node 20 as CommonJS, npm packages left in node_modules. */
export function bundleForNode(options) {
  return build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    plugins: [keepNodeModulesExternal],
    ...options,
  });
}

/** Runs a CommonJS bundle in this process with `args` as its command line, as `node file ...args` would. */
export function runBundle(file, args) {
  process.argv = [process.argv[0], file, ...args];
  createRequire(file)(file);
}
