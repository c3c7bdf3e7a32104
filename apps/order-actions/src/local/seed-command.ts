import { createInterface } from 'node:readline/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  dynamoDbEndpointFrom,
  isLocalEndpoint,
  parseToolArgs,
  runTool,
  ToolError,
  ToolExit,
} from '@order-agent/local-aws';
import { fixtureOrders, fixturesNow } from './fixtures';
import { createOrdersTable, seedOrders } from './orders-table';

const TOOL = 'npm run seed';

const HELP = `Usage: npm run seed [-- options]

Creates the orders table if it is absent and writes the sample orders of fixtures/orders.json (dates moved to
$ORDER_AGENT_NOW, else now), replacing orders with the same ids: a fresh start for \`npm run dev\`'s table.

Where: $AWS_ENDPOINT_URL_DYNAMODB, else $AWS_ENDPOINT_URL, which must be local (127.0.0.1, localhost), e.g.
what \`npm run dev\` prints. Any other endpoint, or none (real DynamoDB in your credentials' account), is
refused unless --aws is given; then the account, region and table are named and you confirm on a terminal.

Options:
  --table NAME  Table name (default $ORDERS_TABLE, else "orders").
  --aws         Allow a non-local endpoint (real DynamoDB).
  --yes         With --aws: do not ask (for scripts that mean it).
  --debug       Print stack traces with errors.
  -h, --help    Show this help.

Exit codes: 0 seeded, 1 failure, 2 usage, 3 configuration (non-local endpoint without --aws, nothing listening
at the local endpoint, not confirmed).`;

async function main(): Promise<void> {
  const { values } = parseToolArgs(TOOL, process.argv.slice(2), {
    table: { type: 'string' },
    aws: { type: 'boolean' },
    yes: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const tableName = values.table ?? process.env.ORDERS_TABLE ?? 'orders';
  const endpoint = dynamoDbEndpointFrom(process.env);
  const local = endpoint !== undefined && isLocalEndpoint(endpoint);
  if (!local && !values.aws) {
    throw new ToolError(
      `refusing to seed ${endpoint ? `${endpoint}: not a local endpoint` : 'real DynamoDB (no AWS_ENDPOINT_URL_DYNAMODB set)'}; start \`npm run dev\` and export what it prints, or pass --aws to write to AWS`,
      ToolExit.CONFIG,
    );
  }
  let orders: ReturnType<typeof fixtureOrders>;
  try {
    orders = fixtureOrders(fixturesNow());
  } catch (error) {
    throw new ToolError((error as Error).message, ToolExit.CONFIG);
  }
  // A local endpoint checks no signature; fill in what the SDK needs to sign with. One attempt: a stopped
  // `npm run dev` should be said at once, not after the SDK's retries.
  const client = new DynamoDBClient(
    local
      ? {
          maxAttempts: 1,
          region: process.env.AWS_REGION ?? 'us-east-1',
          ...(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE
            ? {}
            : { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
        }
      : {},
  );
  try {
    if (!local) await confirmRealTable(client, tableName, values.yes === true);
    await createOrdersTable(client, tableName);
    const count = await seedOrders(client, tableName, orders);
    console.log(
      `Seeded ${count} orders into "${tableName}" at ${endpoint ?? `DynamoDB in ${await client.config.region()}`}.`,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (local && (code === 'ECONNREFUSED' || (error as Error).name === 'ECONNREFUSED')) {
      throw new ToolError(`nothing listening at ${endpoint}: is \`npm run dev\` running?`, ToolExit.CONFIG);
    }
    throw error;
  } finally {
    client.destroy();
  }
}

/** Names the account (from the table's ARN when it exists), region and table, and asks. */
async function confirmRealTable(client: DynamoDBClient, tableName: string, yes: boolean): Promise<void> {
  const region = await client.config.region();
  let where: string;
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const account = Table?.TableArn?.split(':')[4] ?? 'unknown';
    where = `table "${tableName}" in account ${account}, region ${region} (its orders with the sample ids are replaced)`;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    where = `a new table "${tableName}" in region ${region}, in the account of your credentials`;
  }
  if (yes) {
    process.stderr.write(`seeding ${where} (--yes)\n`);
    return;
  }
  if (!process.stdin.isTTY) {
    throw new ToolError(
      `--aws would write to ${where}; confirm on a terminal, or add --yes`,
      ToolExit.CONFIG,
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await prompt.question(`Write the sample orders to ${where}? [y/N] `);
  prompt.close();
  if (!/^y(es)?$/i.test(answer.trim()))
    throw new ToolError('not confirmed; nothing written', ToolExit.CONFIG);
}

runTool(TOOL, main);
