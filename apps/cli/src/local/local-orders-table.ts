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

/**
 * Runs `work` with these variables set in the process environment, then puts back what was there. The handler
 * and the AWS SDK read their settings from process.env, so this is how a one-shot local run configures them.
 */
export async function withProcessEnv<T>(
  variables: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  const saved = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, variables);
  try {
    return await work();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
