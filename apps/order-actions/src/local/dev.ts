import { parseArgs } from 'node:util';
import { fixtureCustomers } from './fixtures';
import { type SeededOrdersTable, startSeededOrdersTable } from './seeded-table';

/**
 * `npm run dev`: an in-memory DynamoDB (dynalite) on loopback with the orders table seeded from the fixtures,
 * running until Ctrl-C. Prints the environment that points the handler (or the `order-agent action` command) at it.
 * Options: --port (default 8000, a free port if taken), --table (default $ORDERS_TABLE or "orders").
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, table: { type: 'string' } } });
  const tableName = values.table ?? process.env.ORDERS_TABLE ?? 'orders';
  const table = await startOnPreferredPort(tableName, Number(values.port ?? 8000));
  const env = table.environment;
  console.log(`Local DynamoDB (dynalite, in memory) at ${env.AWS_ENDPOINT_URL_DYNAMODB}`);
  console.log(
    `Table "${tableName}" seeded with ${table.orderCount} sample orders (fixtures/orders.json, dates moved to now).`,
  );
  console.log(
    "\nSample customers: the handler acts for the session attribute customerId, on that customer's orders only",
  );
  console.log('(order-agent action --customer-id ID, or ORDER_AGENT_CUSTOMER_ID=ID):');
  for (const customer of fixtureCustomers) {
    console.log(`  ${customer.customerId}  ${customer.name.padEnd(12)} ${customer.orderIds.join(', ')}`);
  }
  console.log('\nPoint the handler or `order-agent action` at it from another shell:\n');
  console.log(
    `export ${Object.entries(env)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  );
  console.log('\nPress Ctrl-C to stop (the data is not kept).');

  const stop = async (): Promise<void> => {
    await table.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function startOnPreferredPort(tableName: string, port: number): Promise<SeededOrdersTable> {
  try {
    return await startSeededOrdersTable({ tableName, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is taken; using a free port instead.`);
    return startSeededOrdersTable({ tableName });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
