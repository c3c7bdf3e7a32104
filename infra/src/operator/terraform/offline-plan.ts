import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfflinePlanError } from '../../errors';
import {
  OFFLINE_OVERRIDE_FILE,
  OFFLINE_STATE_FILE,
  offlineOverride,
  withoutAssumedRoles,
} from './offline-override';
import { countPlannedChanges, type PlanCounts, type PlanJson } from './plan-summary';
import { inPool, lastLines, type ProcessResult, runProcess } from './run-process';
import { terraformBinary, terraformEnvironment } from './terraform-env';
import { terraformInit } from './terraform-init';
import { prepareWorkingCopy, readManifest } from './working-copy';

export interface OfflinePlanOptions {
  /** The synth output directory: holds manifest.json and stacks/<stack>/cdk.tf.json. */
  readonly synthDir: string;
  /**
   * Where each stack is copied, initialised and planned (never in the synthesized stack directory, so a later
   * `cdktf deploy` cannot pick up the offline override).
   * @default <synthDir>/offline-plan
   */
  readonly workDir?: string;
  /**
   * Stacks to plan.
   * @default every stack in the manifest
   */
  readonly stacks?: readonly string[];
  /**
   * Stacks initialised, validated and planned at the same time (the first init runs alone first).
   * @default 3
   */
  readonly concurrency?: number;
  /**
   * State files to plan against, by stack: a state pulled with `npm run state -- pull <env>` (to see offline
   * what a refactor would do to the deployed resources), or one crafted by a test.
   * @default none: every stack plans against an empty state
   */
  readonly priorStates?: Readonly<Record<string, string>>;
  /**
   * Progress lines.
   * @default no output
   */
  readonly log?: (line: string) => void;
}

export interface StackPlan {
  readonly stack: string;
  readonly counts: PlanCounts;
  /** `terraform show -json` of the saved plan. */
  readonly planJsonFile: string;
  /** The parsed plan (`terraform show -json`). */
  readonly plan: PlanJson;
  readonly seconds: number;
}

/** Validates and plans every synthesized stack with no AWS account: see withoutAssumedRoles(), offlineOverride(). */
export async function planOffline(options: OfflinePlanOptions): Promise<StackPlan[]> {
  const manifest = readManifest(options.synthDir);
  const stacks = options.stacks ?? Object.keys(manifest.stacks);
  const unknown = stacks.filter((stack) => manifest.stacks[stack] === undefined);
  if (unknown.length > 0) throw new OfflinePlanError(`no synthesized stack named ${unknown.join(', ')}`);
  const unplanned = Object.keys(options.priorStates ?? {}).filter((stack) => !stacks.includes(stack));
  if (unplanned.length > 0) {
    throw new OfflinePlanError(`a prior state is given for ${unplanned.join(', ')}, which is not planned`);
  }
  const terraformEnv = terraformEnvironment();
  try {
    return await planStacks(options, stacks, terraformEnv.env);
  } finally {
    terraformEnv.dispose();
  }
}

async function planStacks(
  options: OfflinePlanOptions,
  stacks: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<StackPlan[]> {
  const log = options.log ?? (() => {});
  const workDir = options.workDir ?? join(options.synthDir, 'offline-plan');
  const binary = terraformBinary();
  const terraform = async (stack: string, cwd: string, args: readonly string[]): Promise<ProcessResult> => {
    const result =
      args[0] === 'init'
        ? await terraformInit(binary, cwd, env)
        : await runProcess(binary, args, { cwd, env });
    if (result.code !== 0 && args[0] !== 'validate') {
      throw new OfflinePlanError(
        `${stack}: terraform ${args[0]} failed:\n${lastLines(result.stderr || result.stdout)}`,
      );
    }
    return result;
  };

  const prepared = stacks.map((stack) => {
    const priorState = options.priorStates?.[stack];
    return {
      stack,
      dir: prepareWorkingCopy({
        synthDir: options.synthDir,
        stack,
        dir: join(workDir, stack),
        rewrite: withoutAssumedRoles,
        override: { file: OFFLINE_OVERRIDE_FILE, content: offlineOverride },
        ...(priorState === undefined ? {} : { state: { from: priorState, to: OFFLINE_STATE_FILE } }),
      }),
    };
  });
  const init = async ({ stack, dir }: { stack: string; dir: string }): Promise<void> => {
    log(`${stack}: init`);
    await terraform(stack, dir, ['init', '-input=false', '-no-color', '-reconfigure']);
  };
  const planStack = async (
    { stack, dir }: { stack: string; dir: string },
    initialised: boolean,
  ): Promise<StackPlan> => {
    const started = Date.now();
    if (!initialised) await init({ stack, dir });
    log(`${stack}: validate`);
    assertValid(stack, await terraform(stack, dir, ['validate', '-no-color', '-json']));
    log(`${stack}: plan`);
    await terraform(stack, dir, [
      'plan',
      '-input=false',
      '-no-color',
      '-lock=false',
      '-refresh=false',
      '-out=tfplan',
    ]);
    const shown = await terraform(stack, dir, ['show', '-no-color', '-json', 'tfplan']);
    const planJsonFile = join(workDir, `${stack}.plan.json`);
    writeFileSync(planJsonFile, shown.stdout);
    const plan = JSON.parse(shown.stdout) as PlanJson;
    return {
      stack,
      counts: countPlannedChanges(plan),
      planJsonFile,
      plan,
      seconds: (Date.now() - started) / 1000,
    };
  };

  // The first init runs alone and fills the plugin cache (every init holds the cache's lock: terraformInit);
  // the other inits then only link from the cache, so everything else runs side by side.
  const [first] = prepared;
  if (first === undefined) return [];
  await init(first);
  return inPool(
    prepared.map((entry) => () => planStack(entry, entry === first)),
    options.concurrency ?? 3,
  );
}

function assertValid(stack: string, result: ProcessResult): void {
  let report: {
    valid?: boolean;
    diagnostics?: Array<{ severity: string; summary: string; detail?: string }>;
  };
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new OfflinePlanError(
      `${stack}: terraform validate failed:\n${lastLines(result.stderr || result.stdout)}`,
    );
  }
  if (report.valid === true && result.code === 0) return;
  const errors = (report.diagnostics ?? [])
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${diagnostic.summary}${diagnostic.detail ? `: ${diagnostic.detail}` : ''}`);
  throw new OfflinePlanError(`${stack}: terraform validate found errors:\n${errors.join('\n')}`);
}
