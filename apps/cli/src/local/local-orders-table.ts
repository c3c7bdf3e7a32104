import type { SeededOrdersTable } from '@order-agent/order-actions/local';

/** An in-memory orders table for one `action --local` run. */
export type LocalOrdersTable = SeededOrdersTable;

/**
 * Starts dynalite on loopback with the seeded orders table. Imported on demand, so commands that never run
 * locally do not load dynalite.
 */
export async function startLocalOrdersTable(tableName: string): Promise<LocalOrdersTable> {
  const { startSeededOrdersTable } = await import('@order-agent/order-actions/local');
  return startSeededOrdersTable({ tableName });
}
