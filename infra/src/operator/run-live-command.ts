import type { InfraConfig } from '../config/types';
import { SavedPlanError, UsageError } from '../errors';
import { applySavedPlan } from './apply-saved-plan';
import type { AssumedRole } from './caller-account';
import { mergeDeployOutputs } from './deploy-outputs';
import type { LiveInvocation } from './live-arguments';
import { makeSavedPlan } from './make-saved-plan';
import { defaultPlanFile, readSavedPlanMetadata } from './saved-plan-files';
import { checkTargetAccount, resolveStackTarget, type StackTarget } from './stack-target';
import { synthHash } from './synth-hash';
import { requireTerraform } from './terraform/require-terraform';
import { StackTerraform } from './terraform/stack-terraform';
import { liveTerraformEnvironment } from './terraform/terraform-env';

export interface LiveCommandOptions {
  readonly config: InfraConfig;
  /** Where `synth` writes the app. */
  readonly synthDir: string;
  /** Synthesizes the app from the current code into `synthDir`. */
  readonly synth: () => void;
  /**
   * The account of the credentials terraform will use, or of the role its provider assumes with them
   * (callerAccount() against STS).
   */
  readonly callerAccount: (region: string, assumeRole?: AssumedRole) => Promise<string>;
  /** The live model check of an environment (preflightModels()); throws when a model is not usable. */
  readonly preflight: (target: StackTarget) => Promise<void>;
  /** Asks a person whether to go ahead; undefined when nobody can answer (standard input is not a terminal). */
  readonly ask?: (question: string) => Promise<boolean>;
  /** The process environment terraform starts from. */
  readonly env: NodeJS.ProcessEnv;
  /** The file the stack outputs are merged into after an apply, for the order-agent CLI. */
  readonly deployOutputsFile: string;
  readonly print: (text: string) => void;
  /** Colours in terraform's output (standard output is a terminal). */
  readonly color: boolean;
  /** Show terraform's plan and apply output as it comes. */
  readonly stream: boolean;
}

/**
 * plan | apply | deploy | destroy on one stack. Checks the credentials' account first, then terraform, then
 * the environment's models, then synthesizes; plan saves a guarded plan, apply applies a saved one, deploy and
 * destroy do both. Resolves with the exit code.
 */
export async function runLiveCommand(
  invocation: LiveInvocation,
  options: LiveCommandOptions,
): Promise<number> {
  const { command, target: name } = invocation;
  const target = resolveStackTarget(options.config, name);
  const ask = invocation.yes ? async () => true : options.ask;
  if (command !== 'plan' && ask === undefined) {
    throw new UsageError(`${command}: standard input is not a terminal, so nobody can confirm: pass --yes`);
  }
  const account = await checkTargetAccount(target, options.callerAccount);
  const planFile = invocation.planFile ?? defaultPlanFile(options.synthDir, target.stack);
  if (command === 'apply') checkPlanTarget(planFile, target);
  requireTerraform(options.env);
  const terraformEnv = liveTerraformEnvironment(options.env);
  try {
    await options.preflight(target);
    options.synth();
    const terraform = {
      env: terraformEnv.env,
      color: options.color,
      stream: options.stream,
      print: options.print,
    };
    if (command !== 'apply') {
      const saved = await makeSavedPlan({
        synthDir: options.synthDir,
        stack: target.stack,
        account,
        region: target.region,
        allowDestroy: invocation.allowDestroy,
        planFile,
        destroy: command === 'destroy',
        ...(invocation.migrateState ? { initFlags: ['-migrate-state', '-force-copy'] } : {}),
        ...terraform,
      });
      if (command === 'plan' || !saved.metadata.guard.ok) return saved.metadata.guard.ok ? 0 : 1;
    }
    const outcome = await applySavedPlan({
      planFile,
      synthDir: options.synthDir,
      currentSynthHash: synthHash(options.synthDir, target.stack),
      currentAccount: account,
      confirm: async (summary) => {
        options.print(`\n${summary}`);
        return ask!(
          `${command === 'destroy' ? 'Destroy' : 'Apply'} this plan to ${target.stack} in account ${account}?`,
        );
      },
      planCommand: `npm run ${command === 'destroy' ? 'destroy' : 'plan'} -- ${target.environment}`,
      ...terraform,
    });
    if (outcome === 'declined') {
      options.print('not applied: nothing changed');
      return 1;
    }
    if (command !== 'destroy') await recordOutputs(planFile, target, options, terraformEnv.env);
    return 0;
  } finally {
    terraformEnv.dispose();
  }
}

function checkPlanTarget(planFile: string, target: StackTarget): void {
  const metadata = readSavedPlanMetadata(planFile);
  if (metadata.stack !== target.stack) {
    throw new SavedPlanError(`${planFile} is a plan for ${metadata.stack}, not ${target.stack}`);
  }
}

async function recordOutputs(
  planFile: string,
  target: StackTarget,
  options: LiveCommandOptions,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const metadata = readSavedPlanMetadata(planFile);
  const terraform = new StackTerraform({ stack: target.stack, dir: metadata.workDir, env });
  const outputs = await terraform.outputs();
  mergeDeployOutputs({ [target.stack]: outputs }, options.deployOutputsFile);
  options.print(`stack outputs merged into ${options.deployOutputsFile}`);
}
