// `npm run diff|deploy|destroy -- <environment> [cdktf options]`: runs the cdktf CLI on the stack of one
// environment (`state` is the bootstrap stack), from the repository root, with version checks off.
// deploy also merges the stack's outputs into deploy-outputs.json for the order-agent CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEnvironment, loadInfraConfig } from '../config/load-config';
import { InfraError } from '../errors';
import { quietEnv } from '../offline/terraform-env';
import { DEPLOY_OUTPUTS_FILE, REPO_ROOT } from '../paths';
import { environmentStackName, stateStackName } from '../stacks/names';
import { mergeDeployOutputs } from './deploy-outputs';

const COMMANDS = ['diff', 'deploy', 'destroy'] as const;
type Command = (typeof COMMANDS)[number];

function main(argv: readonly string[]): number {
  const [command, environment, ...extra] = argv;
  if (!isCommand(command) || environment === undefined || environment.startsWith('-')) {
    throw new InfraError(`usage: npm run ${COMMANDS.join('|')} -- <environment|state> [cdktf options]`);
  }
  const config = loadInfraConfig();
  const stack =
    environment === 'state'
      ? stateStackName(config.project)
      : environmentStackName(config.project, findEnvironment(config, environment).name);

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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InfraError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
