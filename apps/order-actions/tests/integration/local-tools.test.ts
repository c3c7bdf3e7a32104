import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { startLocalDynamoDb } from '@order-agent/local-aws';
import { type Order, OrderStatus } from '../../src/domain';
import { createOrdersTable, fixtureOrders, seedOrders } from '../../src/local';
import { unmarshallItem } from '../../src/store';
import { LOCAL_AWS_ENV } from './support/orders-table';

const packageDir = join(__dirname, '../..');
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

describe('createOrdersTable and seedOrders', () => {
  it('create the table once (a second call is a no-op) and load the fixtures, rebased', async () => {
    const db = await startLocalDynamoDb();
    const client = new DynamoDBClient({ endpoint: db.endpoint, region: 'us-east-1', credentials });
    try {
      await createOrdersTable(client, 'orders');
      await createOrdersTable(client, 'orders');
      expect(await seedOrders(client, 'orders')).toBe(fixtureOrders().length);
      const { Items = [] } = await client.send(new ScanCommand({ TableName: 'orders' }));
      expect(Items).toHaveLength(fixtureOrders().length);
      const delivered = Items.map((item) => unmarshallItem(item)).find((item) => item.orderId === 'ORD-1001');
      const daysAgo = (Date.now() - Date.parse(delivered?.deliveredAt as string)) / 86_400_000;
      expect(daysAgo).toBeGreaterThan(4);
      expect(daysAgo).toBeLessThan(6);

      const many: Order[] = Array.from({ length: 60 }, (_, i) => ({
        ...fixtureOrders()[1]!,
        orderId: `ORD-${5000 + i}`,
        status: OrderStatus.PLACED,
      }));
      expect(await seedOrders(client, 'orders', many)).toBe(60);
      const last = await client.send(
        new GetItemCommand({ TableName: 'orders', Key: { orderId: { S: 'ORD-5059' } } }),
      );
      expect(last.Item?.status).toEqual({ S: 'PLACED' });
    } finally {
      client.destroy();
      await db.stop();
    }
  });
});

describe('npm run seed', () => {
  it('creates and seeds a table at the endpoint named by AWS_ENDPOINT_URL_DYNAMODB', async () => {
    const db = await startLocalDynamoDb();
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['scripts/run-ts.mjs', 'src/local/seed-command.ts', '--table', 'seeded'],
        {
          cwd: packageDir,
          env: { ...process.env, ...LOCAL_AWS_ENV, AWS_ENDPOINT_URL_DYNAMODB: db.endpoint },
        },
      );
      expect(stdout).toContain(`Seeded ${fixtureOrders().length} orders into "seeded" at ${db.endpoint}`);
      const client = new DynamoDBClient({ endpoint: db.endpoint, region: 'us-east-1', credentials });
      const { Count } = await client.send(new ScanCommand({ TableName: 'seeded', Select: 'COUNT' }));
      client.destroy();
      expect(Count).toBe(fixtureOrders().length);
    } finally {
      await db.stop();
    }
  });

  it('says what is missing when no table is named', async () => {
    const env = { ...process.env, ORDERS_TABLE: '' };
    await expect(
      promisify(execFile)(process.execPath, ['scripts/run-ts.mjs', 'src/local/seed-command.ts'], {
        cwd: packageDir,
        env,
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--table NAME or ORDERS_TABLE') });
  });
});

describe('npm run dev', () => {
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill('SIGKILL'));

  it('serves the seeded table, prints the environment to use it, and stops on Ctrl-C', async () => {
    child = spawn(
      process.execPath,
      ['scripts/run-ts.mjs', 'src/local/dev.ts', '--port', '0', '--table', 'dev-orders'],
      {
        cwd: packageDir,
        env: process.env,
      },
    );
    let output = '';
    const exportLine = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => candidate.startsWith('export '));
        if (line) resolve(line);
      });
      child!.once('exit', (code) => reject(new Error(`dev exited with ${code}: ${output}`)));
    });
    const env = Object.fromEntries(
      exportLine
        .slice('export '.length)
        .split(' ')
        .map((pair) => pair.split('=') as [string, string]),
    );
    expect(env).toMatchObject({ ORDERS_TABLE: 'dev-orders', AWS_REGION: 'us-east-1' });
    expect(env.AWS_ENDPOINT_URL_DYNAMODB).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const client = new DynamoDBClient({
      endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
      region: 'us-east-1',
      credentials,
    });
    const { Count } = await client.send(new ScanCommand({ TableName: 'dev-orders', Select: 'COUNT' }));
    client.destroy();
    expect(Count).toBe(fixtureOrders().length);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
