import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { INIT_LOCK_NAME } from '../../../src/operator/terraform/init-lock';
import { terraformInit } from '../../../src/operator/terraform/terraform-init';

// A stand-in terraform that records when each init starts and ends.
const FAKE_TERRAFORM = `#!/bin/sh
echo "start $1 $(pwd)" >> "$INIT_LOG"
sleep 0.3
echo "end $1 $(pwd)" >> "$INIT_LOG"
`;

describe('terraformInit', () => {
  let root: string;
  let binary: string;
  let cache: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'infra-tf-init-'));
    binary = join(root, 'terraform');
    writeFileSync(binary, FAKE_TERRAFORM);
    chmodSync(binary, 0o755);
    cache = join(root, 'cache');
    mkdirSync(cache);
    for (const dir of ['a', 'b']) mkdirSync(join(root, dir));
    env = { PATH: process.env.PATH, INIT_LOG: join(root, 'init.log'), TF_PLUGIN_CACHE_DIR: cache };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const log = () =>
    readFileSync(join(root, 'init.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[0]);

  it('runs inits that share a plugin cache one at a time, and releases the lock', async () => {
    const results = await Promise.all([
      terraformInit(binary, join(root, 'a'), env),
      terraformInit(binary, join(root, 'b'), env),
    ]);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expect(log()).toEqual(['start', 'end', 'start', 'end']);
    expect(existsSync(join(cache, '.order-agent-init.lock'))).toBe(false);
  });

  const lock = () => join(cache, INIT_LOCK_NAME);
  const holdLock = (pid: number) => {
    mkdirSync(lock());
    writeFileSync(join(lock(), 'owner.json'), JSON.stringify({ pid, host: hostname() }));
  };

  it('breaks at once a lock whose owner process is dead', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    holdLock(dead);
    const started = Date.now();
    await expect(terraformInit(binary, join(root, 'a'), env)).resolves.toMatchObject({ code: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(existsSync(lock())).toBe(false);
  });

  it('says which live process it waits for, and goes on once that process lets go', async () => {
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      holdLock(owner.pid!);
      const lines: string[] = [];
      const init = terraformInit(binary, join(root, 'a'), env, { log: (line) => lines.push(line) });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(lines).toEqual([`waiting for terraform init in process ${owner.pid}…`]);
      expect(existsSync(join(root, 'init.log'))).toBe(false);
      owner.kill();
      await expect(init).resolves.toMatchObject({ code: 0 });
    } finally {
      owner.kill();
    }
  });

  it('waits for a fresh lock that names no owner (a checkout from before owners were named)', async () => {
    mkdirSync(lock());
    const init = terraformInit(binary, join(root, 'a'), env);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(join(root, 'init.log'))).toBe(false);
    rmSync(lock(), { recursive: true });
    await expect(init).resolves.toMatchObject({ code: 0 });
  });

  it('says once that it waits for a nameless lock, and until when', async () => {
    mkdirSync(lock());
    const made = new Date(Math.floor(Date.now() / 1000) * 1000 - 30_000); // whole seconds: mtime keeps them exactly
    utimesSync(lock(), made, made);
    const lines: string[] = [];
    const init = terraformInit(binary, join(root, 'a'), env, { log: (line) => lines.push(line) });
    await new Promise((resolve) => setTimeout(resolve, 400));
    rmSync(lock(), { recursive: true });
    await expect(init).resolves.toMatchObject({ code: 0 });
    expect(lines).toEqual([
      `waiting for ${lock()}: it names no process (an older checkout sharing this plugin cache, or a killed one); ` +
        `it is broken at ${new Date(made.getTime() + 10 * 60_000).toISOString()} if still nameless, or remove it yourself`,
    ]);
  });

  it('removes its lock when interrupted, and dies of the signal', async () => {
    const slow = join(root, 'slow-terraform');
    writeFileSync(slow, '#!/bin/sh\necho started > "$INIT_LOG"\nsleep 30\n');
    chmodSync(slow, 0o755);
    // The compiled module (npm test builds first): a real process, to be killed.
    const compiled = join(__dirname, '../../../dist/operator/terraform/terraform-init.js');
    const script = `require(${JSON.stringify(compiled)})
      .terraformInit(${JSON.stringify(slow)}, ${JSON.stringify(join(root, 'a'))}, process.env);`;
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, ...env },
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    while (!existsSync(join(root, 'init.log'))) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(lock())).toBe(true);
    child.kill('SIGTERM');
    await expect(exited).resolves.toBe('SIGTERM');
    expect(existsSync(lock())).toBe(false);
  });

  it('needs no lock without a plugin cache', async () => {
    const { TF_PLUGIN_CACHE_DIR: _ignored, ...noCache } = env;
    const results = await Promise.all([
      terraformInit(binary, join(root, 'a'), noCache),
      terraformInit(binary, join(root, 'b'), noCache),
    ]);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expect(log()).toEqual(['start', 'start', 'end', 'end']);
  });
});
