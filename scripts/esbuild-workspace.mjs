// esbuild for this workspace, in one place: the Lambda bundles (apps/order-actions, apps/kb-apply-steps), the CLI
// bundle (apps/cli), and the scripts that run a TypeScript entry point without a TypeScript runtime (npm run dev
// and seed, the CLI's stand-in, the bench). Workspace packages export TypeScript source
// (docs/decisions/internal-packages.md), so every bundle here includes them.
import { createRequire } from 'node:module';
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
 * Bundles a Lambda into one CommonJS file for the nodejs22.x runtime, everything included (the function does not
 * depend on the SDK the runtime happens to ship). ES module builds are preferred (`mainFields`): they tree-shake
 * far better than the CommonJS ones. Minified without keepNames (the error classes that reach logs set their
 * names explicitly); the source map maps stack traces to file and line, without the sources. Returns esbuild's
 * result, metafile included (what each input adds to the bundle).
 */
export function bundleLambda({ absWorkingDir, entryPoint, outfile }) {
  return build({
    absWorkingDir,
    entryPoints: [entryPoint],
    outfile,
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
  });
}

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
