import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InfraConfig } from '../config/types';
import { TerraformCommandError } from '../errors';
import type { AssumedRole } from './caller-account';
import { checkTargetAccount, describeBackend, resolveStackTarget, synthesizedBackend } from './stack-target';
import type { StateInvocation } from './state-arguments';
import { OFFLINE_STATE_FILE } from './terraform/offline-override';
import { lastLines, runProcess } from './terraform/run-process';
import { terraformBinary } from './terraform/terraform-env';
import { terraformInit } from './terraform/terraform-init';
import { prepareWorkingCopy, readSynthesizedStack } from './terraform/working-copy';

/** Name of the override that swaps the backend for a local state file (see `localState`). */
export const LOCAL_STATE_OVERRIDE_FILE = 'local_state_override.tf.json';

export interface StateCommandOptions {
  readonly invocation: StateInvocation;
  readonly config: InfraConfig;
  /** The synthesized app (manifest.json, stacks/<stack>/...), made from the same `config`. */
  readonly synthDir: string;
  /**
   * The account of the credentials terraform will use, or of the role its provider assumes with them
   * (callerAccount() against STS).
   */
  readonly callerAccount: (region: string, assumeRole?: AssumedRole) => Promise<string>;
  /** Environment of the terraform processes (liveTerraformEnvironment()). */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Where the stack is copied and initialised.
   * @default <synthDir>/state/<stack>
   */
  readonly workDir?: string;
  /**
   * Work on a copy of this local state file instead of the configured backend (offline inspection of a pulled
   * state, and the tests).
   * @default the backend the stack is synthesized with
   */
  readonly localState?: string;
  /** terraform's standard output (the command's answer). */
  readonly out: (text: string) => void;
  /** Progress and terraform's standard error. */
  readonly log: (line: string) => void;
}

/**
 * Runs one `terraform state ...` / `terraform import` on one environment stack: refuses unless the caller's
 * account is the environment's, copies the synthesized stack into its own directory, `init`s its backend
 * (the same one deploy uses), then runs the command. Resolves with terraform's exit code.
 */
export async function runStateCommand(options: StateCommandOptions): Promise<number> {
  const { invocation, log } = options;
  const target = resolveStackTarget(options.config, invocation.environment);

  const account = await checkTargetAccount(target, options.callerAccount);

  const dir = prepareWorkingCopy({
    synthDir: options.synthDir,
    stack: target.stack,
    dir: options.workDir ?? join(options.synthDir, 'state', target.stack),
    ...(options.localState === undefined
      ? {}
      : {
          override: {
            file: LOCAL_STATE_OVERRIDE_FILE,
            content: () => ({ terraform: { backend: { local: { path: OFFLINE_STATE_FILE } } } }),
          },
          state: { from: options.localState, to: OFFLINE_STATE_FILE },
        }),
  });
  const backend =
    options.localState === undefined
      ? describeBackend(synthesizedBackend(readSynthesizedStack(options.synthDir, target.stack)))
      : `a copy of ${options.localState}`;
  log(`${target.stack}: account ${account}, state in ${backend}`);

  const binary = terraformBinary(options.env);
  const init = await terraformInit(binary, dir, options.env);
  if (init.code !== 0) {
    throw new TerraformCommandError(
      `${target.stack}: terraform init failed:\n${lastLines(init.stderr || init.stdout)}`,
    );
  }
  if (invocation.writesState) log(`${target.stack}: terraform ${invocation.terraformArgs.join(' ')}`);
  const result = await runProcess(binary, invocation.terraformArgs, { cwd: dir, env: options.env });
  if (invocation.outputFile !== undefined && result.code === 0) {
    writeFileSync(invocation.outputFile, result.stdout);
    log(`${target.stack}: state written to ${invocation.outputFile}`);
  } else if (result.stdout !== '') {
    options.out(result.stdout);
  }
  if (result.stderr.trim() !== '') log(result.stderr.trimEnd());
  return result.code ?? 1;
}
