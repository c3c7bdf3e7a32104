import { isStatefulResourceType } from '../state-safety/stateful-resources';
import type { PlanJson } from './terraform/plan-summary';

/** A planned destroy of a stateful resource: deleted, or replaced (deleted and created empty). */
export interface DestructiveChange {
  readonly address: string;
  readonly type: string;
  readonly action: 'delete' | 'replace';
  /** Terraform's reason (`delete_because_no_resource_config`, `replace_because_cannot_update`, ...). */
  readonly reason?: string;
}

export interface PlanGuardVerdict {
  /** Destructive changes no `--allow-destroy` names: the plan must not go ahead. */
  readonly blocked: readonly DestructiveChange[];
  /** Destructive changes an `--allow-destroy` names. */
  readonly allowed: readonly DestructiveChange[];
}

/** The planned deletes and replacements of stateful resources (STATEFUL_RESOURCE_TYPES). */
export function destructiveChanges(plan: PlanJson): DestructiveChange[] {
  return (plan.resource_changes ?? []).flatMap((change) => {
    const { actions } = change.change;
    if (change.mode === 'data' || !actions.includes('delete')) return [];
    const type = change.type ?? '';
    if (!isStatefulResourceType(type)) return [];
    return [
      {
        address: change.address,
        type,
        action: actions.includes('create') ? ('replace' as const) : ('delete' as const),
        ...(change.action_reason === undefined ? {} : { reason: change.action_reason }),
      },
    ];
  });
}

/** Splits a plan's destructive changes into those an explicit `--allow-destroy <address>` names and the rest. */
export function guardPlan(plan: PlanJson, allowDestroy: ReadonlySet<string>): PlanGuardVerdict {
  const changes = destructiveChanges(plan);
  return {
    blocked: changes.filter((change) => !allowDestroy.has(change.address)),
    allowed: changes.filter((change) => allowDestroy.has(change.address)),
  };
}

/** The refusal: which stateful resources the plan would destroy, and the ways forward. */
export function describeBlocked(stack: string, blocked: readonly DestructiveChange[]): string {
  const lines = [`plan guard: ${stack} would destroy stateful resources:`];
  for (const change of blocked) {
    lines.push(
      `  ${change.address}: ${change.action}${change.reason === undefined ? '' : ` (${change.reason})`}`,
    );
  }
  lines.push(
    '  If it was renamed or moved, declare the move (infra/src/state-safety/declared-moves.ts) or restore its logical id;',
    '  if the loss is intended and reviewed, plan again with --allow-destroy <address> for each one.',
  );
  return lines.join('\n');
}
