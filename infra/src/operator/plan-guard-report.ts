import { StateUsageError } from '../errors';
import { describeBlocked, guardPlan } from './plan-guard';
import type { PlanJson } from './terraform/plan-summary';

export interface GuardedPlan {
  readonly stack: string;
  readonly plan: PlanJson;
}

/**
 * Runs the plan guard over each stack's plan and prints what it stops and what `--allow-destroy` let through.
 * Returns false when any stack's plan would destroy or replace a stateful resource nobody named.
 */
export function reportPlanGuard(
  plans: readonly GuardedPlan[],
  allowDestroy: readonly string[],
  print: (text: string) => void,
): boolean {
  const allowed = new Set(allowDestroy);
  const used = new Set<string>();
  let ok = true;
  for (const { stack, plan } of plans) {
    const verdict = guardPlan(plan, allowed);
    for (const change of verdict.allowed) {
      used.add(change.address);
      print(`plan guard: ${stack} will ${change.action} ${change.address} (allowed by --allow-destroy)`);
    }
    if (verdict.blocked.length > 0) {
      ok = false;
      print(describeBlocked(stack, verdict.blocked));
    }
  }
  for (const address of allowed) {
    if (!used.has(address)) print(`plan guard: --allow-destroy ${address} matched nothing the plans destroy`);
  }
  if (ok) print('plan guard: no stateful resource is destroyed or replaced without --allow-destroy');
  return ok;
}

/** Takes the repeatable `--allow-destroy <address>` out of an argument list; returns the addresses and the rest. */
export function takeAllowDestroy(argv: readonly string[]): { allowDestroy: string[]; rest: string[] } {
  const allowDestroy: string[] = [];
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--allow-destroy') {
      const address = argv[index + 1];
      if (address === undefined || address.startsWith('-')) {
        throw new StateUsageError('--allow-destroy needs the address it allows (--allow-destroy <address>)');
      }
      allowDestroy.push(address);
      index++;
    } else if (arg.startsWith('--allow-destroy=') && arg.length > '--allow-destroy='.length) {
      allowDestroy.push(arg.slice('--allow-destroy='.length));
    } else {
      rest.push(arg);
    }
  }
  return { allowDestroy, rest };
}
