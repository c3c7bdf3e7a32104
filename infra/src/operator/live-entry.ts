import { createInterface } from 'node:readline/promises';
import { buildApp } from '../app';
import { loadInfraConfig } from '../config/load-config';
import { inferenceProfileRegions, readModelLifecycleTable } from '../config/model-lifecycle';
import { DEPLOY_OUTPUTS_FILE, MODEL_LIFECYCLE_FILE, SYNTH_OUT_DIR } from '../paths';
import { callerAccount } from './caller-account';
import { commandMain } from './command-main';
import { type LiveCommand, parseLiveArguments } from './live-arguments';
import { preflightModels } from './preflight/model-preflight';
import { runLiveCommand } from './run-live-command';

/** The entry of `npm run plan|apply|deploy|destroy`: real credentials, terminal and terraform. */
export function liveEntry(command: LiveCommand): void {
  commandMain(command, async (argv) => {
    const parsed = parseLiveArguments(command, argv);
    if (parsed.kind === 'help') {
      console.log(parsed.usage);
      return 0;
    }
    const config = loadInfraConfig();
    return runLiveCommand(parsed.invocation, {
      config,
      synthDir: SYNTH_OUT_DIR,
      synth: () => buildApp({ config, outdir: SYNTH_OUT_DIR }).synth(),
      callerAccount: (region, assumeRole) => callerAccount({ region, assumeRole }),
      preflight: (target) =>
        preflightModels({
          config,
          target,
          print: (line) => console.log(line),
          profileRegions: inferenceProfileRegions(readModelLifecycleTable(MODEL_LIFECYCLE_FILE)),
        }),
      ...(process.stdin.isTTY ? { ask: askOnTerminal } : {}),
      env: process.env,
      deployOutputsFile: DEPLOY_OUTPUTS_FILE,
      print: (text) => console.log(text),
      color: process.stdout.isTTY === true,
      stream: true,
    });
  });
}

async function askOnTerminal(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await terminal.question(`${question} [y/N] `)).trim());
  } finally {
    terminal.close();
  }
}
