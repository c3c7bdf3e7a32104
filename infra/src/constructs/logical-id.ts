/**
 * A Terraform address that depends only on the construct's id, not on where it sits in the tree, for the
 * stateful resources: moving a construct must not plan a destroy and re-create of a table or a bucket.
 * `OrdersTable` + `table` -> `orders_table`.
 */
export function stableLogicalId(constructId: string, resource?: string): string {
  const base = constructId
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
  return resource === undefined || base.endsWith(`_${resource}`) || base === resource
    ? base
    : `${base}_${resource}`;
}
