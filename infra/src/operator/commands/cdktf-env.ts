// `npm run diff|deploy|destroy -- <environment> [options]` on the stack of one environment (`state` is the
// bootstrap stack), from the repository root, with version checks off.
// - diff: the real plan (terraform, against the stack's backend and account), a summary and the plan guard;
//   exits 1 when the plan would destroy or replace a stateful resource no `--allow-destroy <address>` names.
// - deploy: the same guarded plan first; only when it passes, `cdktf deploy` (extra options go to cdktf), then
//   the stack's outputs are merged into deploy-outputs.json for the order-agent CLI.
// - destroy: `cdktf destroy` (prevent_destroy in production still refuses the stateful resources).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../app';
import { loadInfraConfig } from '../../config/load-config';
import { InfraError } from '../../errors';
import { DEPLOY_OUTPUTS_FILE, REPO_ROOT, SYNTH_OUT_DIR } from '../../paths';
import { mergeDeployOutputs } from '../deploy-outputs';
import { runGuardedPlan } from '../guarded-plan';
import { takeAllowDestroy } from '../plan-guard-report';
import { resolveStackTarget } from '../stack-target';
import { liveTerraformEnvironment, quietEnv } from '../terraform/terraform-env';

const COMMANDS = ['diff', 'deploy', 'destroy'] as const;
type Command = (typeof COMMANDS)[number];
const USAGE =
  'usage: npm run diff|deploy -- <environment|state> [--allow-destroy <address>]... [cdktf options (deploy)]; ' +
  'npm run destroy -- <environment|state> [cdktf options]';

async function main(argv: readonly string[]): Promise<number> {
  const [command, environment, ...options] = argv;
  if (!isCommand(command) || environment === undefined || environment.startsWith('-')) {
    throw new InfraError(USAGE);
  }
  const config = loadInfraConfig();
  const { stack } = resolveStackTarget(config, environment);
  const { allowDestroy, rest: extra } =
    command === 'destroy' ? { allowDestroy: [], rest: [...options] } : takeAllowDestroy(options);
  if (command === 'diff' && extra.length > 0)
    throw new InfraError(`diff takes no ${extra.join(' ')} (${USAGE})`);

  if (command !== 'destroy') {
    buildApp({ config, outdir: SYNTH_OUT_DIR }).synth();
    const terraformEnv = liveTerraformEnvironment();
    try {
      const ok = await runGuardedPlan({
        synthDir: SYNTH_OUT_DIR,
        stack,
        allowDestroy,
        env: terraformEnv.env,
        print: (text) => console.log(text),
      });
      if (!ok || command === 'diff') return ok ? 0 : 1;
    } finally {
      terraformEnv.dispose();
    }
  }
  return runCdktf(command, stack, extra);
}

function runCdktf(command: Command, stack: string, extra: readonly string[]): number {
  const outputsDir = command === 'deploy' ? mkdtempSync(join(tmpdir(), 'order-agent-outputs-')) : undefined;
  const outputsFile = outputsDir === undefined ? undefined : join(outputsDir, 'outputs.json');
  const args = [
    command,
    stack,
    ...(outputsFile === undefined ? [] : ['--outputs-file', outputsFile]),
    ...extra,
  ];
  const cdktf = join(REPO_ROOT, 'node_modules', '.bin', 'cdktf');
  const result = spawnSync(cdktf, args, { cwd: REPO_ROOT, stdio: 'inherit', env: quietEnv(process.env) });
  if (result.error !== undefined) throw new InfraError(`cannot run ${cdktf}: ${result.error.message}`);

  if (outputsFile !== undefined && result.status === 0 && existsSync(outputsFile)) {
    mergeDeployOutputs(outputsFile, DEPLOY_OUTPUTS_FILE);
    console.log(`stack outputs merged into ${DEPLOY_OUTPUTS_FILE}`);
  }
  if (outputsDir !== undefined) rmSync(outputsDir, { recursive: true, force: true });
  return result.status ?? 1;
}

function isCommand(value: string | undefined): value is Command {
  return (COMMANDS as readonly (string | undefined)[]).includes(value);
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (!(error instanceof InfraError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  });
