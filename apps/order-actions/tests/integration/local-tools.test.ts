import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

  it('refuses real DynamoDB, or any endpoint that is not local, without --aws (exit 3, one line)', async () => {
    for (const endpoint of ['', 'https://dynamodb.eu-west-1.amazonaws.com']) {
      const env = {
        ...process.env,
        ...LOCAL_AWS_ENV,
        AWS_ENDPOINT_URL_DYNAMODB: endpoint,
        AWS_ENDPOINT_URL: '',
      };
      const refused = await promisify(execFile)(
        process.execPath,
        ['scripts/run-ts.mjs', 'src/local/seed-command.ts'],
        {
          cwd: packageDir,
          env,
        },
      ).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({ code: 3 });
      const stderr = (refused as { stderr: string }).stderr;
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^npm run seed: refusing to seed .*pass --aws to write to AWS\n$/);
    }
  });

  it('with --aws names the account, region and table, and without a terminal writes only with --yes', async () => {
    const db = await startLocalDynamoDb();
    // Loopback, but not spelled as a local endpoint: stands in for a real one.
    const endpoint = db.endpoint.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    const env = { ...process.env, ...LOCAL_AWS_ENV, AWS_ENDPOINT_URL_DYNAMODB: endpoint };
    const seed = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['scripts/run-ts.mjs', 'src/local/seed-command.ts', ...args], {
        cwd: packageDir,
        env,
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    try {
      const unconfirmed = await seed('--aws', '--table', 'real');
      expect(unconfirmed).toMatchObject({
        code: 3,
        stderr:
          'npm run seed: --aws would write to a new table "real" in region us-east-1, in the account of your credentials; confirm on a terminal, or add --yes\n',
      });
      const confirmed = await seed('--aws', '--yes', '--table', 'real');
      expect(confirmed.stderr).toBe(
        'seeding a new table "real" in region us-east-1, in the account of your credentials (--yes)\n',
      );
      const again = await seed('--aws', '--yes', '--table', 'real');
      expect(again.stderr).toMatch(/^seeding table "real" in account \d{12}, region us-east-1 /);
    } finally {
      await db.stop();
    }
  });

  it('says when nothing listens at the local endpoint (exit 3)', async () => {
    const db = await startLocalDynamoDb();
    await db.stop();
    const stopped = await promisify(execFile)(
      process.execPath,
      ['scripts/run-ts.mjs', 'src/local/seed-command.ts'],
      {
        cwd: packageDir,
        env: { ...process.env, ...LOCAL_AWS_ENV, AWS_ENDPOINT_URL_DYNAMODB: db.endpoint },
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(stopped).toMatchObject({
      code: 3,
      stderr: `npm run seed: nothing listening at ${db.endpoint}: is \`npm run dev\` running?\n`,
    });
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

  it('writes its pidfile, and stops (port closed, pidfile gone) when its parent is killed outright, as npm by kill <pid>', async () => {
    // The parent is a shell that is killed outright, as npm is by `kill <pid>`; dev must notice on its own.
    child = spawn(
      'bash',
      ['-c', `"${process.execPath}" scripts/run-ts.mjs src/local/dev.ts --port 0 & wait`],
      {
        cwd: packageDir,
        env: process.env,
      },
    );
    let output = '';
    const endpoint = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /at (http:\/\/127\.0\.0\.1:\d+) \(pid \d+/.exec(output);
        if (found?.[1]) resolve(found[1]);
      });
      child!.once('exit', (code) => reject(new Error(`dev exited with ${code}: ${output}`)));
    });
    const pid = Number(readFileSync(PIDFILE, 'utf8'));
    expect(output).toContain(`(pid ${pid}, ${PIDFILE})`);

    child.kill('SIGKILL');
    await waitFor(() => !alive(pid), 10_000);
    expect(existsSync(PIDFILE)).toBe(false);
    await expect(fetch(endpoint)).rejects.toThrow();
  });
});

const PIDFILE = join(packageDir, '..', '..', '.order-agent', 'dev.pid');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
