import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TerraformCommandError } from '../errors';
import { reportPlanGuard } from './plan-guard-report';
import { countPlannedChanges, formatCounts, type PlanJson } from './terraform/plan-summary';
import { lastLines, runProcess } from './terraform/run-process';
import { terraformBinary } from './terraform/terraform-env';
import { terraformInit } from './terraform/terraform-init';
import { prepareWorkingCopy } from './terraform/working-copy';

export interface GuardedPlanOptions {
  /** The synthesized app. */
  readonly synthDir: string;
  readonly stack: string;
  /** Addresses of stateful resources the plan may destroy or replace (`--allow-destroy`). */
  readonly allowDestroy: readonly string[];
  /** Environment of the terraform processes (liveTerraformEnvironment()). */
  readonly env: NodeJS.ProcessEnv;
  readonly print: (text: string) => void;
  /** @default <synthDir>/guarded-plan/<stack> */
  readonly workDir?: string;
}

/**
 * The real plan of one stack against its real backend and account (the provider's allowed_account_ids refuses
 * other credentials), shown as terraform prints it, then summarised and guarded. Resolves true when the plan
 * destroys or replaces no stateful resource that `allowDestroy` does not name.
 */
export async function runGuardedPlan(options: GuardedPlanOptions): Promise<boolean> {
  const { stack, env, print } = options;
  const dir = prepareWorkingCopy({
    synthDir: options.synthDir,
    stack,
    dir: options.workDir ?? join(options.synthDir, 'guarded-plan', stack),
  });
  const binary = terraformBinary(env);
  const init = await terraformInit(binary, dir, env);
  if (init.code !== 0) {
    throw new TerraformCommandError(
      `${stack}: terraform init failed:\n${lastLines(init.stderr || init.stdout)}`,
    );
  }
  // Inherited output: a real plan takes a while and its text is what the reviewer reads.
  const plan = spawnSync(binary, ['plan', '-input=false', '-out=tfplan'], {
    cwd: dir,
    env,
    stdio: 'inherit',
  });
  if (plan.error !== undefined || plan.status !== 0) {
    throw new TerraformCommandError(
      `${stack}: terraform plan failed${plan.error ? ` (${plan.error.message})` : ''}`,
    );
  }
  const shown = await runProcess(binary, ['show', '-no-color', '-json', 'tfplan'], { cwd: dir, env });
  if (shown.code !== 0) {
    throw new TerraformCommandError(`${stack}: terraform show failed:\n${lastLines(shown.stderr)}`);
  }
  const planJson = JSON.parse(shown.stdout) as PlanJson;
  print(`\nsummary: ${stack}  ${formatCounts(countPlannedChanges(planJson))}`);
  return reportPlanGuard([{ stack, plan: planJson }], options.allowDestroy, print);
}
