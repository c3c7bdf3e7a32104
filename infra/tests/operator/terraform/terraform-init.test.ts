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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('takes over a lock a killed process left behind', async () => {
    const lock = join(cache, '.order-agent-init.lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 11 * 60_000);
    utimesSync(lock, old, old);
    await expect(terraformInit(binary, join(root, 'a'), env)).resolves.toMatchObject({ code: 0 });
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
