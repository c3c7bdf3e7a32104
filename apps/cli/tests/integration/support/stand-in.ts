// `npm run stand-in -w @order-agent/cli`: the scripted order agent on a loopback port, so `order-agent invoke`
// and `order-agent eval` can be tried without AWS. Prints the environment that points the CLI at it.
import {
  parseToolArgs,
  portFlag,
  runTool,
  superviseLocalService,
  ToolError,
  ToolExit,
} from '@order-agent/local-aws';
import { fixtureCustomers, fixturesNow } from '@order-agent/order-actions/local';
import { FakeAgentRuntime } from './fake-agent-runtime';
import { scriptedOrderAgent } from './scripted-order-agent';

const TOOL = 'npm run stand-in';
const DEFAULT_PORT = 8787;

const HELP = `Usage: npm run stand-in -w @order-agent/cli [-- options]

The scripted order agent (a local stand-in for Bedrock InvokeAgent, speaking its HTTP/2 event-stream protocol)
on 127.0.0.1, answering over the sample orders (dates moved to $ORDER_AGENT_NOW, else now, as npm run dev and
npm run seed do). Prints the environment that points order-agent at it; runs until Ctrl-C, SIGTERM or the end
of the npm process that started it; writes its pid to .order-agent/stand-in.pid at the repository root.

Options:
  --port N    Port to listen on (default ${DEFAULT_PORT}; a free port if that one is taken; 0: any free port).
  --debug     Print stack traces with errors.
  -h, --help  Show this help.

Exit codes: 0 stopped cleanly, 1 failure, 2 usage, 3 configuration ($ORDER_AGENT_NOW not a date).`;

async function main(): Promise<void> {
  const { values } = parseToolArgs(TOOL, process.argv.slice(2), { port: { type: 'string' } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const port = portFlag(values.port, DEFAULT_PORT);
  let now: Date;
  try {
    now = fixturesNow();
  } catch (error) {
    throw new ToolError((error as Error).message, ToolExit.CONFIG);
  }
  const runtime = await startOnPreferredPort(port);
  runtime.respondWith(scriptedOrderAgent(now));
  const { pidfile } = superviseLocalService('stand-in', () => runtime.stop());
  const env = {
    AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME: runtime.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    ORDER_AGENT_AGENT_ID: 'STANDIN001',
    ORDER_AGENT_ALIAS_ID: 'STANDIN001',
    // The signed-in customer invoke and eval send (session attribute customerId); change it to act as another.
    ORDER_AGENT_CUSTOMER_ID: fixtureCustomers[0]?.customerId ?? '',
  };
  console.log(
    `Scripted order agent (a local stand-in for Bedrock InvokeAgent) at ${runtime.endpoint} (pid ${process.pid}, ${pidfile})`,
  );
  console.log('Point the CLI at it from another shell:\n');
  console.log(
    `export ${Object.entries(env)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  );
  console.log('\nIt answers for the signed-in customer only (--customer-id or ORDER_AGENT_CUSTOMER_ID):');
  for (const customer of fixtureCustomers) {
    console.log(`  ${customer.customerId}  ${customer.name.padEnd(12)} ${customer.orderIds.join(', ')}`);
  }
  console.log('\nPress Ctrl-C to stop.');
}

async function startOnPreferredPort(port: number): Promise<FakeAgentRuntime> {
  try {
    return await FakeAgentRuntime.start(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is taken; using a free port instead.`);
    return FakeAgentRuntime.start(0);
  }
}

runTool(TOOL, main);
