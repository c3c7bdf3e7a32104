// Bundles the Lambda into dist/index.js for the nodejs22.x runtime: handlers index.handler (create the vector
// index) and index.startIngestion (start an ingestion job).
// Everything is bundled, @smithy/signature-v4 included, so the function does not depend on the SDK version
// the runtime happens to ship.
import { build } from 'esbuild';

const result = await build({
  entryPoints: ['src/lambda.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // Prefer the packages' ES module builds: @smithy/* CommonJS barrels cannot be tree-shaken and would pull
  // the whole SDK core in (150 KiB instead of ~25 KiB).
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  // Stack traces map to file and line; the sources themselves stay out of the deployment package.
  sourcesContent: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const bytes = Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.bytes ?? 0;
console.log(`dist/index.js: ${(bytes / 1024).toFixed(1)} KiB`);
