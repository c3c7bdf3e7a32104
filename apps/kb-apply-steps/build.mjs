// Bundles the Lambda into dist/index.js for the nodejs22.x runtime: handlers index.handler (create the vector
// index) and index.startIngestion (start an ingestion job).
// Everything is bundled, @smithy/signature-v4 included (scripts/esbuild-workspace.mjs says how and why).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLambda } from '../../scripts/esbuild-workspace.mjs';

const result = await bundleLambda({
  absWorkingDir: dirname(fileURLToPath(import.meta.url)),
  entryPoint: 'src/lambda.ts',
  outfile: 'dist/index.js',
});

const bytes = Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.bytes ?? 0;
console.log(`dist/index.js: ${(bytes / 1024).toFixed(1)} KiB`);
