/** The `terraform show -json` plan fields the summary reads. */
export interface PlanJson {
  readonly resource_changes?: ReadonlyArray<{
    readonly address: string;
    readonly change: { readonly actions: readonly string[] };
  }>;
}

export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  readonly unchanged: number;
}

/** Counts the planned actions by kind (a delete-and-create counts once, as a replace). */
export function countPlannedChanges(plan: PlanJson): PlanCounts {
  const counts = { create: 0, update: 0, replace: 0, delete: 0, unchanged: 0 };
  for (const { change } of plan.resource_changes ?? []) {
    const actions = change.actions;
    if (actions.includes('create') && actions.includes('delete')) counts.replace += 1;
    else if (actions.includes('create')) counts.create += 1;
    else if (actions.includes('update')) counts.update += 1;
    else if (actions.includes('delete')) counts.delete += 1;
    else counts.unchanged += 1;
  }
  return counts;
}

export function formatCounts(counts: PlanCounts): string {
  return `${counts.create} to create, ${counts.update} to update, ${counts.replace} to replace, ${counts.delete} to delete`;
}
