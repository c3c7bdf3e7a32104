import { existsSync, readFileSync } from 'node:fs';
import { SavedPlanError } from '../errors';
import { readSavedPlanMetadata, type SavedPlanMetadata, savedPlanFiles } from './saved-plan-files';
import type { PlanJson } from './terraform/plan-summary';
import type { ProcessResult } from './terraform/run-process';
import { StackTerraform } from './terraform/stack-terraform';
import { prepareWorkingCopy } from './terraform/working-copy';

export interface ApplySavedPlanOptions {
  /** The saved plan (makeSavedPlan), with its metadata beside it. */
  readonly planFile: string;
  /** The synthesized app, freshly synthesized from the current code. */
  readonly synthDir: string;
  /** synthHash() of the fresh synth of the plan's stack. */
  readonly currentSynthHash: string;
  /** The account the current credentials belong to. */
  readonly currentAccount: string;
  /** Environment of the terraform processes: the same as the plan's. */
  readonly env: NodeJS.ProcessEnv;
  /** Shown the plan's summary; resolves true to go ahead. */
  readonly confirm: (summary: string) => Promise<boolean>;
  readonly print: (text: string) => void;
  /** The command that makes a new plan for this stack, for the refusals' advice. */
  readonly planCommand: string;
  /** @default false */
  readonly color?: boolean;
  /** @default false */
  readonly stream?: boolean;
}

export type ApplyOutcome = 'applied' | 'declined';

/** What CreateAgent answers while the agent role's inference-profile permissions propagate (provider #42847). */
const AGENT_ROLE_PROPAGATION = /Ensure Agent role has valid permissions to use the inference profile/i;
/** Terraform's refusal of a saved plan whose state moved on since it was made. */
const STALE_PLAN = /Saved plan is stale/i;

/**
 * Applies exactly a saved plan (`terraform apply PLANFILE`) in the working copy and environment it was made in,
 * after refusing a plan that failed its guard, belongs to another account, or that the code no longer produces,
 * and after the confirmation. The one known IAM-propagation failure at CreateAgent is retried once, with a new
 * plan of what is left, accepted only when it changes nothing the reviewed plan did not.
 */
export async function applySavedPlan(options: ApplySavedPlanOptions): Promise<ApplyOutcome> {
  const { planFile, print } = options;
  const metadata = readSavedPlanMetadata(planFile);
  refuseUnfit(metadata, options);
  const files = savedPlanFiles(planFile);
  const summary = existsSync(files.summary) ? readFileSync(files.summary, 'utf8').trimEnd() : '';
  if (!(await options.confirm(summary))) return 'declined';

  // The working copy is refreshed from the fresh synth (it hashes the same), keeping its providers.
  prepareWorkingCopy({ synthDir: options.synthDir, stack: metadata.stack, dir: metadata.workDir });
  const terraform = new StackTerraform({
    stack: metadata.stack,
    dir: metadata.workDir,
    env: options.env,
    color: options.color ?? false,
    stream: options.stream ?? false,
    log: print,
  });
  if (!terraform.initialised) await terraform.init();

  const applied = await runApply(terraform, planFile, options);
  if (applied.code === 0) return 'applied';
  const output = `${applied.stderr}\n${applied.stdout}`;
  if (STALE_PLAN.test(output)) {
    throw new SavedPlanError(
      `the saved plan is stale: the state of ${metadata.stack} changed after the plan was made, so Terraform ` +
        `applied nothing; make and review a new plan (${options.planCommand})`,
    );
  }
  if (!AGENT_ROLE_PROPAGATION.test(output) || metadata.kind !== 'apply') {
    terraform.assertSucceeded('apply', applied);
  }
  print(
    `${metadata.stack}: CreateAgent refused the agent role while its inference-profile permissions propagate ` +
      '(a known first-apply race); planning what is left of the reviewed plan and applying it once more',
  );
  await retryRemainder(terraform, planFile, options);
  return 'applied';
}

function refuseUnfit(metadata: SavedPlanMetadata, options: ApplySavedPlanOptions): void {
  if (!metadata.guard.ok) {
    const addresses = metadata.guard.blocked.map((change) => change.address).join(', ');
    throw new SavedPlanError(
      `refusing to apply: this plan failed the plan guard (it would destroy ${addresses}); declare the move, or ` +
        `plan again with --allow-destroy <address> for each intended loss`,
    );
  }
  if (metadata.account !== options.currentAccount) {
    throw new SavedPlanError(
      `refusing to apply: this plan was made for account ${metadata.account}, but the credentials belong to ` +
        `account ${options.currentAccount}; use credentials of account ${metadata.account}`,
    );
  }
  if (metadata.synthHash !== options.currentSynthHash) {
    throw new SavedPlanError(
      `refusing to apply: the code no longer synthesizes what this plan was made from (code changed since ` +
        `${metadata.createdAt}, commit ${metadata.gitCommit}); make and review a new plan (${options.planCommand})`,
    );
  }
}

async function runApply(
  terraform: StackTerraform,
  planFile: string,
  options: ApplySavedPlanOptions,
): Promise<ProcessResult> {
  const applied = await terraform.run('apply', [planFile]);
  if (options.stream !== true && applied.stdout !== '') options.print(applied.stdout.trimEnd());
  return applied;
}

/** Plans what is left after the failed CreateAgent and applies it, if it stays within the reviewed plan. */
async function retryRemainder(
  terraform: StackTerraform,
  planFile: string,
  options: ApplySavedPlanOptions,
): Promise<void> {
  const retryFile = `${planFile}.retry`;
  const planned = await terraform.run('plan', [`-out=${retryFile}`]);
  terraform.assertSucceeded('plan (retry)', planned);
  const reviewed = plannedActions((await terraform.showPlan<PlanJson>(planFile)).plan);
  const remainder = plannedActions((await terraform.showPlan<PlanJson>(retryFile)).plan);
  // Each change left must be one the reviewed plan holds, with the same actions: a reviewed create may not come
  // back as a replace or a delete.
  const beyond = [...remainder]
    .filter(([address, actions]) => reviewed.get(address) !== actions)
    .map(([address, actions]) =>
      reviewed.has(address) ? `${address} (${actions}, reviewed as ${reviewed.get(address)})` : address,
    );
  if (beyond.length > 0) {
    throw new SavedPlanError(
      `not retrying: what is left to apply also changes ${beyond.join(', ')}, which the reviewed plan did not; ` +
        `make and review a new plan (${options.planCommand})`,
    );
  }
  const applied = await runApply(terraform, retryFile, options);
  terraform.assertSucceeded('apply (retry)', applied);
}

/** Each address the plan changes, with its actions (`create`, `delete,create`, ...). */
function plannedActions(plan: PlanJson): Map<string, string> {
  return new Map(
    (plan.resource_changes ?? [])
      .filter(({ change }) => change.actions.some((action) => action !== 'no-op' && action !== 'read'))
      .map(({ address, change }) => [address, change.actions.join(',')]),
  );
}
