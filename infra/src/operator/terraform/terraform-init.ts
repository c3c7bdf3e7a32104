import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ProcessResult, runProcess } from './run-process';

/** A lock older than this is left over from a killed process. */
const STALE_LOCK_MS = 10 * 60_000;
const POLL_MS = 100;

/**
 * `terraform init` of one working directory. Terraform does not guarantee that its plugin cache is safe for
 * concurrent installs, and several processes (test workers, two terminals) share one cache: the init holds a
 * lock directory in the cache while it runs. With a warm cache an init only links the provider (about a
 * second), so waiting costs little.
 */
export async function terraformInit(
  binary: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<ProcessResult> {
  const cacheDir = env.TF_PLUGIN_CACHE_DIR;
  const run = () => runProcess(binary, ['init', '-input=false', '-no-color', '-reconfigure'], { cwd, env });
  if (!cacheDir) return run();
  const lock = join(cacheDir, '.order-agent-init.lock');
  await acquire(lock);
  try {
    return await run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isStale(lock)) rmSync(lock, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}
