// Bundles the CLI into one CommonJS file for Node 20.
// Our workspace packages export TypeScript source, so they are bundled in; everything from npm (the AWS SDK,
// yaml, dynalite) stays external and is loaded from node_modules at run time, which keeps the bundle small and
// leaves packages with native or dynamic requires (dynalite's storage backends) untouched.
import { build } from 'esbuild';

const bundleOnlyWorkspacePackages = {
  name: 'bundle-only-workspace-packages',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@order-agent/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [bundleOnlyWorkspacePackages],
});
