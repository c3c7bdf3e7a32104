// Run by bundle.test.ts as `node bundle-loads.cjs BUNDLE EVENTS_JSON`: answers the events with the bundle's handler,
// then prints one `REPORT {...}` line saying whether the Powertools logger file had been loaded after the first
// answer and after the last. Whatever else is written to stdout is the handler's logs.
const loaded = () => ({
  powertools: Object.keys(require.cache).some((file) => file.endsWith('powertools-logger.js')),
});
const { handler } = require(process.argv[2]);
const context = { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10000 };
(async () => {
  const statuses = [];
  let afterFirst;
  for (const event of JSON.parse(process.argv[3])) {
    statuses.push((await handler(event, context)).response.httpStatusCode);
    afterFirst ??= loaded();
  }
  process.stdout.write(`REPORT ${JSON.stringify({ statuses, afterFirst, afterAll: loaded() })}\n`);
})();
