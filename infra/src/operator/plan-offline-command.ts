import { relative, resolve } from 'node:path';
import { loadInfraConfig } from '../config/load-config';
import { InfraError } from '../errors';
import { REPO_ROOT, SYNTH_OUT_DIR } from '../paths';
import { reportPlanGuard, takeAllowDestroy } from './plan-guard-report';
import { resolveStackTarget } from './stack-target';
import { planOffline } from './terraform/offline-plan';
import { formatCounts } from './terraform/plan-summary';
import { requireTerraform } from './terraform/require-terraform';
import { pluginMirror } from './terraform/terraform-env';
import { readManifest } from './terraform/working-copy';

export const PLAN_OFFLINE_USAGE =
  'usage: npm run plan:offline -- [--synth-dir <dir>] [--state <stack>=<state file>]... ' +
  '[--allow-destroy <address>]... [dev|prod|state|stack name...]';

export interface PlanOfflineArguments {
  readonly synthDir: string;
  readonly stacks: readonly string[];
  readonly priorStates: Readonly<Record<string, string>>;
  readonly allowDestroy: readonly string[];
}

/**
 * `npm run plan:offline`: validates and plans the synthesized stacks with no AWS account, prints a summary per
 * stack, and runs the plan guard. Resolves with the exit code: 1 when a plan would destroy or replace a
 * stateful resource that no `--allow-destroy <address>` names.
 */
export async function runPlanOfflineCommand(
  argv: readonly string[],
  print: (text: string) => void,
): Promise<number> {
  const parsed = parsePlanOfflineArguments(argv);
  const stackName = (name: string) => toStackName(parsed.synthDir, name);
  const args = {
    ...parsed,
    stacks: parsed.stacks.map(stackName),
    priorStates: Object.fromEntries(
      Object.entries(parsed.priorStates).map(([name, file]) => [stackName(name), file]),
    ),
  };
  const version = requireTerraform();
  const mirror = pluginMirror();
  print(
    `offline plan: terraform ${version}, providers from ${mirror ?? 'the registry (no mirror configured)'}`,
  );
  const started = Date.now();
  const plans = await planOffline({
    synthDir: args.synthDir,
    ...(args.stacks.length > 0 ? { stacks: args.stacks } : {}),
    priorStates: args.priorStates,
    log: (line) => print(`  ${line}`),
  });
  const width = Math.max(...plans.map((plan) => plan.stack.length));
  print('\nsummary:');
  for (const plan of plans) {
    const file = relative(REPO_ROOT, plan.planJsonFile);
    print(
      `  ${plan.stack.padEnd(width)}  ${formatCounts(plan.counts)}  (${file}, ${plan.seconds.toFixed(1)} s)`,
    );
  }
  print(`${plans.length} stacks planned offline in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return reportPlanGuard(plans, args.allowDestroy, print) ? 0 : 1;
}

/** A stack of the synth output by its own name, or by the vocabulary of the other commands (`dev`, `state`). */
function toStackName(synthDir: string, name: string): string {
  if (readManifest(synthDir).stacks[name] !== undefined) return name;
  return resolveStackTarget(loadInfraConfig(), name).stack;
}

export function parsePlanOfflineArguments(argv: readonly string[]): PlanOfflineArguments {
  const { allowDestroy, rest } = takeAllowDestroy(argv);
  let synthDir = SYNTH_OUT_DIR;
  const stacks: string[] = [];
  const priorStates: Record<string, string> = {};
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]!;
    const value = rest[index + 1];
    if (arg === '--synth-dir' && value !== undefined) {
      synthDir = resolve(value);
      index++;
    } else if (arg === '--state' && value !== undefined) {
      const separator = value.indexOf('=');
      if (separator < 1 || separator === value.length - 1) {
        throw new InfraError(`--state takes <stack>=<state file>, not ${JSON.stringify(value)}`);
      }
      priorStates[value.slice(0, separator)] = resolve(value.slice(separator + 1));
      index++;
    } else if (arg.startsWith('-')) {
      throw new InfraError(`unknown option ${arg} (${PLAN_OFFLINE_USAGE})`);
    } else {
      stacks.push(arg);
    }
  }
  return { synthDir, stacks, priorStates, allowDestroy };
}
