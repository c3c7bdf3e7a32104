import {
  parseToolArgs,
  portFlag,
  runTool,
  superviseLocalService,
  ToolError,
  ToolExit,
} from '@order-agent/local-aws';
import { fixtureCustomers, fixturesNow } from './fixtures';
import { type SeededOrdersTable, startSeededOrdersTable } from './seeded-table';

const TOOL = 'npm run dev';
const DEFAULT_PORT = 8000;

const HELP = `Usage: npm run dev [-- options]

An in-memory DynamoDB (dynalite) on 127.0.0.1 with the orders table seeded from fixtures/orders.json (dates
moved to $ORDER_AGENT_NOW, else now), running until Ctrl-C, SIGTERM, or the end of the npm process that
started it. Prints the environment that points the handler or \`order-agent action\` at it, and writes its
pid to .order-agent/dev.pid at the repository root.

Options:
  --port N      Port to listen on (default ${DEFAULT_PORT}; a free port if that one is taken; 0: any free port).
  --table NAME  Table name (default $ORDERS_TABLE, else "orders").
  --debug       Print stack traces with errors.
  -h, --help    Show this help.

Exit codes: 0 stopped cleanly, 1 failure, 2 usage, 3 configuration ($ORDER_AGENT_NOW not a date).`;

async function main(): Promise<void> {
  const { values } = parseToolArgs(TOOL, process.argv.slice(2), {
    port: { type: 'string' },
    table: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const port = portFlag(values.port, DEFAULT_PORT);
  const tableName = values.table ?? process.env.ORDERS_TABLE ?? 'orders';
  let now: Date;
  try {
    now = fixturesNow();
  } catch (error) {
    throw new ToolError((error as Error).message, ToolExit.CONFIG);
  }
  const table = await startOnPreferredPort(tableName, port, now);
  const { pidfile } = superviseLocalService('dev', () => table.stop());
  const env = table.environment;
  console.log(
    `Local DynamoDB (dynalite, in memory) at ${env.AWS_ENDPOINT_URL_DYNAMODB} (pid ${process.pid}, ${pidfile})`,
  );
  console.log(
    `Table "${tableName}" seeded with ${table.orderCount} sample orders (fixtures/orders.json, dates moved to ${now.toISOString()}).`,
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
}

async function startOnPreferredPort(tableName: string, port: number, now: Date): Promise<SeededOrdersTable> {
  try {
    return await startSeededOrdersTable({ tableName, port, now });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is taken; using a free port instead.`);
    return startSeededOrdersTable({ tableName, now });
  }
}

runTool(TOOL, main);
