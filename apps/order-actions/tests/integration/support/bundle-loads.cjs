// Run by bundle.test.ts as `node bundle-loads.cjs BUNDLE EVENTS_JSON` (a file, not `node -e`, which loads
// node:crypto itself): answers the events with the bundle's handler, then prints one `REPORT {...}` line saying
// whether node:crypto and the Powertools logger file had been loaded after the first answer and after the last.
const loaded = () => ({
  crypto: process.moduleLoadList.includes('NativeModule crypto'),
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
