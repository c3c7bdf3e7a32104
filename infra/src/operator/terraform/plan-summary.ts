/** One entry of `resource_changes` in `terraform show -json` of a plan. */
export interface PlanResourceChange {
  readonly address: string;
  /** Set when a `moved` block (or a declared move) carried the resource over from another address. */
  readonly previous_address?: string;
  readonly mode?: string;
  readonly type?: string;
  /** Why Terraform plans this action (`delete_because_no_resource_config`, `replace_because_cannot_update`...). */
  readonly action_reason?: string;
  readonly change: { readonly actions: readonly string[] };
}

/** The `terraform show -json` plan fields the summary and the plan guard read. */
export interface PlanJson {
  readonly resource_changes?: readonly PlanResourceChange[];
}

export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  readonly unchanged: number;
  /** Resources planned at a new address (counted as well under what else happens to them). */
  readonly move: number;
}

/** Counts the planned actions by kind (a delete-and-create counts once, as a replace). */
export function countPlannedChanges(plan: PlanJson): PlanCounts {
  const counts = { create: 0, update: 0, replace: 0, delete: 0, unchanged: 0, move: 0 };
  for (const { change, address, previous_address: previous } of plan.resource_changes ?? []) {
    const actions = change.actions;
    if (actions.includes('create') && actions.includes('delete')) counts.replace += 1;
    else if (actions.includes('create')) counts.create += 1;
    else if (actions.includes('update')) counts.update += 1;
    else if (actions.includes('delete')) counts.delete += 1;
    else counts.unchanged += 1;
    if (previous !== undefined && previous !== address) counts.move += 1;
  }
  return counts;
}

export function formatCounts(counts: PlanCounts): string {
  return `${counts.create} to create, ${counts.update} to update, ${counts.replace} to replace, ${counts.delete} to delete, ${counts.move} moved`;
}
