// The floor of a cold start: a fresh Node process sends one GetItem for order argv[2] to the table in the
// environment with Node's `http` and nothing else (no handler, no signing: the Authorization header is a fixed,
// well-formed but unsigned string, which dynalite accepts), then prints its timings as cold-start-child.cjs does.
const bootMs = performance.now();
const { request } = require('node:http');
const loadedMs = performance.now();
const url = new URL(process.env.AWS_ENDPOINT_URL_DYNAMODB);
const body = JSON.stringify({
  TableName: process.env.ORDERS_TABLE,
  Key: { orderId: { S: process.argv[2] } },
  ConsistentRead: true,
});
const req = request(
  {
    method: 'POST',
    hostname: url.hostname,
    port: url.port,
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': Buffer.byteLength(body),
      'x-amz-target': 'DynamoDB_20120810.GetItem',
      'x-amz-date': '20261130T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20261130/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
    },
  },
  (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const answeredMs = performance.now();
      process.stdout.write(
        `${JSON.stringify({
          bootMs,
          loadMs: loadedMs - bootMs,
          answerMs: answeredMs - loadedMs,
          totalMs: answeredMs,
          status: res.statusCode,
          maxRssKb: process.resourceUsage().maxRSS,
        })}\n`,
      );
      process.exit(0);
    });
  },
);
req.end(body);
