// One Lambda cold start, as the bench measures it: a fresh Node process loads the bundle named by argv[2] and
// answers one getOrderStatus event (order argv[3], as its owner) from the table in the environment, then prints its own
// timings as JSON and exits at once. performance.now() counts from the process's start, so `bootMs` is Node's
// own start-up before this file runs.
const bootMs = performance.now();
const { handler } = require(process.argv[2]);
const loadedMs = performance.now();
const event = {
  messageVersion: '1.0',
  agent: { name: 'order-agent', id: 'AGENT12345', alias: 'TSTALIASID', version: '1' },
  inputText: 'Where is my order?',
  sessionId: '447512903318471',
  actionGroup: 'order-management',
  apiPath: '/orders/{orderId}',
  httpMethod: 'GET',
  parameters: [{ name: 'orderId', type: 'string', value: process.argv[3] }],
  // The bench table's orders all belong to this customer (src/support/local-table.ts, BENCH_CUSTOMER_ID).
  sessionAttributes: { customerId: 'C-42' },
  promptSessionAttributes: {},
};
const context = { awsRequestId: 'cold-start', getRemainingTimeInMillis: () => 10_000 };
handler(event, context).then((response) => {
  const answeredMs = performance.now();
  process.stdout.write(
    `${JSON.stringify({
      bootMs,
      loadMs: loadedMs - bootMs,
      answerMs: answeredMs - loadedMs,
      totalMs: answeredMs,
      status: response.response.httpStatusCode,
      maxRssKb: process.resourceUsage().maxRSS,
    })}\n`,
  );
  process.exit(0);
});
