import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getOrderStatusEvent, initiateReturnEvent, readAnswer } from './support/bedrock-events';
import { startOrdersTable, type TestOrdersTable, useTableFromEnvironment } from './support/orders-table';

// The deployable artefact. `turbo run test` builds it first.
const bundlePath = join(__dirname, '../../dist/index.js');

function assertBuilt(): void {
  if (!existsSync(bundlePath)) {
    throw new Error(
      `${bundlePath} is missing: run \`npm run build\` in apps/order-actions first (turbo does it before test).`,
    );
  }
}

/**
 * Loads the bundle in a plain Node.js process, as the Lambda runtime does (Jest's module sandbox cannot run the
 * SDK's lazy `import('node:http')`), and answers the events one after the other with a Lambda-like context.
 */
async function invokeBundle(events: readonly unknown[]): Promise<unknown[]> {
  const script = `
    const { handler } = require(process.argv[1]);
    const context = { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10000 };
    (async () => {
      const responses = [];
      for (const event of JSON.parse(process.argv[2])) responses.push(await handler(event, context));
      process.stdout.write(JSON.stringify(responses));
    })();
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-e', script, bundlePath, JSON.stringify(events)],
    {
      env: process.env,
    },
  );
  return JSON.parse(stdout) as unknown[];
}

describe('the built bundle dist/index.js', () => {
  let table: TestOrdersTable;
  beforeAll(async () => {
    table = await startOrdersTable();
    useTableFromEnvironment(table);
  });
  afterAll(() => table.stop());

  it('exports a handler that answers Bedrock events from the table, refusals included', async () => {
    assertBuilt();
    const [found, missing, invalid] = (
      await invokeBundle([getOrderStatusEvent('ORD-1001'), getOrderStatusEvent('ORD-999999'), {}])
    ).map((response) => readAnswer(response));
    expect(found?.status).toBe(200);
    expect(found?.body).toMatchObject({ orderId: 'ORD-1001', status: 'DELIVERED', currency: 'USD' });
    expect(missing).toMatchObject({ status: 404, body: { error: 'ORDER_NOT_FOUND' } });
    expect(invalid?.status).toBe(400);
  });

  it('stays under 160 KiB, with its source map beside it', () => {
    assertBuilt();
    expect(statSync(bundlePath).size).toBeLessThan(160 * 1024);
    expect(existsSync(`${bundlePath}.map`)).toBe(true);
  });

  it('holds no AWS SDK client: DynamoDB is called by src/store/dynamodb-http-client.ts', () => {
    assertBuilt();
    const meta = JSON.parse(readFileSync(join(bundlePath, '../meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    };
    const inputs = Object.keys(meta.outputs['dist/index.js']?.inputs ?? {});
    expect(inputs.some((input) => input.endsWith('src/store/dynamodb-http-client.ts'))).toBe(true);
    expect(inputs.filter((input) => input.includes('/@aws-sdk/'))).toEqual([]);
  });

  /**
   * Answers `events` in a fresh Node process and reports whether the Powertools logger file was loaded (after the
   * first answer, and after all of them), and the JSON log lines written to stdout.
   */
  async function whatTheBundleLoads(events: readonly unknown[], bundle = bundlePath) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(__dirname, 'support/bundle-loads.cjs'), bundle, JSON.stringify(events)],
      { env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'INFO' } },
    );
    const lines = stdout.split('\n').filter(Boolean);
    const report = lines.find((line) => line.startsWith('REPORT '))?.slice('REPORT '.length);
    return {
      ...(JSON.parse(report ?? 'null') as {
        statuses: number[];
        afterFirst: { powertools: boolean };
        afterAll: { powertools: boolean };
      }),
      logs: lines.filter((line) => !line.startsWith('REPORT ')).map((line) => JSON.parse(line)),
    };
  }

  it('answers a read without loading the Powertools logger, and loads it to log', async () => {
    assertBuilt();
    expect(existsSync(join(bundlePath, '../powertools-logger.js'))).toBe(true);
    const run = await whatTheBundleLoads([
      getOrderStatusEvent('ORD-1001'),
      initiateReturnEvent('ORD-1001', 'It arrived damaged.'),
    ]);
    expect(run.statuses).toEqual([200, 200]);
    expect(run.afterFirst).toEqual({ powertools: false });
    // The write's audit record is the first thing logged: the logger file is loaded then, and logs as Powertools.
    expect(run.afterAll.powertools).toBe(true);
    expect(run.logs).toEqual([
      expect.objectContaining({ level: 'INFO', service: 'order-actions', message: 'order audit record' }),
    ]);
  });

  it('still answers, refuses and writes audit records when dist/powertools-logger.js is missing', async () => {
    assertBuilt();
    const alone = join(mkdtempSync(join(tmpdir(), 'bundle-alone-')), 'index.js');
    copyFileSync(bundlePath, alone);
    const run = await whatTheBundleLoads(
      // The router's own refusal (400, logged at debug) first: the logger is made, and fails, there.
      [{}, getOrderStatusEvent('ORD-999999'), initiateReturnEvent('ORD-1004', 'It arrived damaged.')],
      alone,
    );
    expect(run.statuses).toEqual([400, 404, 200]);
    expect(run.logs).toEqual([
      expect.objectContaining({
        level: 'INFO',
        service: 'order-actions',
        message: 'order audit record',
        audit: expect.objectContaining({
          orderId: 'ORD-1004',
          operation: 'initiateReturn',
          outcome: 'APPLIED',
        }),
      }),
    ]);
  });
});
