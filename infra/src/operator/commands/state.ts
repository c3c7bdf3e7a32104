// `npm run state -- list|show|mv|rm|import|pull <environment|state> ...`: terraform state operations on one
// stack, against its real backend, refused unless the caller's credentials belong to its account.
import { buildApp } from '../../app';
import { loadInfraConfig } from '../../config/load-config';
import { InfraError } from '../../errors';
import { SYNTH_OUT_DIR } from '../../paths';
import { callerAccount } from '../caller-account';
import { runStateCommand } from '../run-state-command';
import { resolveStackTarget } from '../stack-target';
import { parseStateArguments, STATE_USAGE } from '../state-arguments';
import { liveTerraformEnvironment } from '../terraform/terraform-env';

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseStateArguments(argv);
  if (parsed.kind === 'help') {
    console.log(STATE_USAGE);
    return 0;
  }
  const config = loadInfraConfig();
  // An unknown environment fails here, before the synth.
  resolveStackTarget(config, parsed.invocation.environment);
  buildApp({ config, outdir: SYNTH_OUT_DIR }).synth();
  const terraformEnv = liveTerraformEnvironment();
  try {
    return await runStateCommand({
      invocation: parsed.invocation,
      config,
      synthDir: SYNTH_OUT_DIR,
      env: terraformEnv.env,
      callerAccount: (region) => callerAccount({ region }),
      out: (text) => process.stdout.write(text),
      log: (line) => console.error(line),
    });
  } finally {
    terraformEnv.dispose();
  }
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (!(error instanceof InfraError)) throw error;
    console.error(`state: ${error.message}`);
    process.exitCode = 1;
  });
