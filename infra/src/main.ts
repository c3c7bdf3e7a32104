// The CDKTF app entry (cdktf.json: `node infra/dist/main.js`, run from the repository root).
// `--hcl` writes plain Terraform HCL to cdktf.out/hcl instead of JSON to cdktf.out.
import { join, relative } from 'node:path';
import { buildApp } from './app';
import { loadInfraConfig } from './config/load-config';
import { ConfigError, InfraError } from './errors';
import { tidyHclStacks } from './hcl-tidy';
import { SYNTH_OUT_DIR } from './paths';

function main(argv: readonly string[]): void {
  const hcl = argv.includes('--hcl');
  const config = loadInfraConfig();
  const outdir = hcl ? join(SYNTH_OUT_DIR, 'hcl') : SYNTH_OUT_DIR;
  const app = buildApp({ config, hclOutput: hcl, ...(hcl ? { outdir } : {}) });
  app.synth();
  if (hcl) {
    const tidied = tidyHclStacks(outdir);
    if (tidied.notFormatted) console.warn(`synth: ${tidied.notFormatted}`);
  }
  // cdktf prints nothing; say what was written, so a run is not mistaken for a no-op. Skipped under the cdktf CLI,
  // which reports the stacks itself.
  if (process.env.CDKTF_OUTDIR === undefined) {
    const stacks = app.node.children.map((child) => child.node.id).sort();
    const where = relative(process.cwd(), join(outdir, 'stacks')) || '.';
    console.log(
      `synthesized ${stacks.length} stacks (${hcl ? 'HCL' : 'JSON'}) to ${where}: ${stacks.join(', ')}`,
    );
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InfraError)) throw error;
  // A configuration file can break several rules at once: one per line, so each can be read and fixed.
  if (error instanceof ConfigError && error.problems.length > 1) {
    console.error(`synth failed: ${error.message.slice(0, error.message.indexOf(': ') + 1)}`);
    for (const problem of error.problems) console.error(`  - ${problem}`);
  } else {
    console.error(`synth failed: ${error.message}`);
  }
  process.exitCode = 1;
}
