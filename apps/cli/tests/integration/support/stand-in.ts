// `npm run stand-in -w @order-agent/cli`: the scripted order agent on a loopback port, so `order-agent invoke`
// and `order-agent eval` can be tried without AWS. Prints the environment that points the CLI at it.
import { parseArgs } from 'node:util';
import fixtures from '../../../../order-actions/fixtures/orders.json';
import { FakeAgentRuntime } from './fake-agent-runtime';
import { scriptedOrderAgent } from './scripted-order-agent';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8787' } } });
  const runtime = await FakeAgentRuntime.start(Number(values.port));
  runtime.respondWith(scriptedOrderAgent());
  const env = {
    AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME: runtime.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    ORDER_AGENT_AGENT_ID: 'STANDIN001',
    ORDER_AGENT_ALIAS_ID: 'STANDIN001',
    // The signed-in customer invoke and eval send (session attribute customerId); change it to act as another.
    ORDER_AGENT_CUSTOMER_ID: fixtures.customers[0]!.customerId,
  };
  console.log(`Scripted order agent (a local stand-in for Bedrock InvokeAgent) at ${runtime.endpoint}`);
  console.log('Point the CLI at it from another shell:\n');
  console.log(
    `export ${Object.entries(env)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  );
  console.log('\nIt answers for the signed-in customer only (--customer-id or ORDER_AGENT_CUSTOMER_ID):');
  for (const customer of fixtures.customers) {
    const theirs = fixtures.orders.filter((order) => order.customerId === customer.customerId);
    console.log(
      `  ${customer.customerId}  ${customer.name.padEnd(12)} ${theirs.map((order) => order.orderId).join(', ')}`,
    );
  }
  console.log('\nPress Ctrl-C to stop.');
  const stop = async (): Promise<void> => {
    await runtime.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
