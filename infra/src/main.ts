// The CDKTF app entry (cdktf.json: `node infra/dist/main.js`, run from the repository root).
// `--hcl` writes plain Terraform HCL to cdktf.out/hcl instead of JSON to cdktf.out.
import { join } from 'node:path';
import { buildApp } from './app';
import { loadInfraConfig } from './config/load-config';
import { InfraError } from './errors';
import { SYNTH_OUT_DIR } from './paths';

function main(argv: readonly string[]): void {
  const hcl = argv.includes('--hcl');
  const config = loadInfraConfig();
  const app = buildApp({ config, hclOutput: hcl, ...(hcl ? { outdir: join(SYNTH_OUT_DIR, 'hcl') } : {}) });
  app.synth();
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InfraError)) throw error;
  console.error(`synth failed: ${error.message}`);
  process.exitCode = 1;
}
