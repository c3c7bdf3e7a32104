// `npm run state -- list|show|mv|rm|import|pull <dev|prod|state|stack> ...`: terraform state operations on one
// stack, against its real backend, refused unless the caller's credentials belong to its account.
import { buildApp } from '../../app';
import { loadInfraConfig } from '../../config/load-config';
import { SYNTH_OUT_DIR } from '../../paths';
import { callerAccount } from '../caller-account';
import { commandMain } from '../command-main';
import { runStateCommand } from '../run-state-command';
import { resolveStackTarget } from '../stack-target';
import { parseStateArguments, STATE_USAGE } from '../state-arguments';
import { requireTerraform } from '../terraform/require-terraform';
import { liveTerraformEnvironment } from '../terraform/terraform-env';

commandMain('state', async (argv) => {
  const parsed = parseStateArguments(argv);
  if (parsed.kind === 'help') {
    console.log(STATE_USAGE);
    return 0;
  }
  const config = loadInfraConfig();
  // An unknown environment fails here, before the synth.
  resolveStackTarget(config, parsed.invocation.environment);
  requireTerraform();
  const terraformEnv = liveTerraformEnvironment();
  try {
    buildApp({ config, outdir: SYNTH_OUT_DIR }).synth();
    return await runStateCommand({
      invocation: parsed.invocation,
      config,
      synthDir: SYNTH_OUT_DIR,
      env: terraformEnv.env,
      callerAccount: (region, assumeRole) => callerAccount({ region, assumeRole }),
      out: (text) => process.stdout.write(text),
      log: (line) => console.error(line),
    });
  } finally {
    terraformEnv.dispose();
  }
});
