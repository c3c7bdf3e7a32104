import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock directory every init of one plugin cache takes (see terraformInit). */
export const INIT_LOCK_NAME = '.order-agent-init.lock';
const OWNER_FILE = 'owner.json';
const POLL_MS = 100;
/**
 * A lock with no owner file: a checkout from before locks named their owner (other clones share the cache), or a
 * process killed in the instant between making the lock and naming itself. Broken only after the old timeout.
 */
const ORPHAN_MS = 10 * 60_000;
/** How long a lock may stay without an owner before the wait for it is said. */
const NAMELESS_NOTICE_MS = 2000;

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

export interface InitLockOptions {
  /** Told once when another live process holds the lock. */
  readonly log?: (line: string) => void;
  /** @default the process table: signal 0 */
  readonly isAlive?: (pid: number) => boolean;
}

/**
 * Holds `<cacheDir>/.order-agent-init.lock` while `work` runs. The lock names its owner (pid and host): a lock
 * whose owner on this host is gone is broken at once, a live owner is waited for (said once), and SIGINT/SIGTERM
 * remove the lock before the process ends, so an interrupted init never blocks the next command.
 */
export async function withInitLock<T>(
  cacheDir: string,
  work: () => Promise<T>,
  options: InitLockOptions = {},
): Promise<T> {
  const lock = join(cacheDir, INIT_LOCK_NAME);
  await acquire(lock, options);
  const release = () => rmSync(lock, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    // Die of the signal as the default handler would (the exit code a shell expects).
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', release);
  try {
    return await work();
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', release);
    release();
  }
}

async function acquire(lock: string, options: InitLockOptions): Promise<void> {
  const isAlive = options.isAlive ?? processIsAlive;
  let toldAbout: number | undefined;
  for (;;) {
    try {
      mkdirSync(lock);
      const owner: LockOwner = { pid: process.pid, host: hostname() };
      writeFileSync(join(lock, OWNER_FILE), JSON.stringify(owner));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lock);
    if (owner === 'gone') continue;
    if (owner === 'orphan' || (owner !== 'starting' && owner.host === hostname() && !isAlive(owner.pid))) {
      breakLock(lock);
      continue;
    }
    if (owner === 'starting' && toldAbout === undefined) {
      const since = lockTime(lock);
      // A new lock names its owner within milliseconds; one that does not is said once, with its deadline.
      if (since !== undefined && Date.now() - since > NAMELESS_NOTICE_MS) {
        toldAbout = 0;
        options.log?.(
          `waiting for ${lock}: it names no process (an older checkout sharing this plugin cache, or a killed one); ` +
            `it is broken at ${new Date(since + ORPHAN_MS).toISOString()} if still nameless, or remove it yourself`,
        );
      }
    }
    if (owner !== 'starting' && toldAbout !== owner.pid) {
      toldAbout = owner.pid;
      options.log?.(
        `waiting for terraform init in process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}…`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The owner, `starting` (just made, owner not yet written), `orphan` (never got an owner), or `gone`. */
function readOwner(lock: string): LockOwner | 'starting' | 'orphan' | 'gone' {
  try {
    return JSON.parse(readFileSync(join(lock, OWNER_FILE), 'utf8')) as LockOwner;
  } catch {
    try {
      return Date.now() - statSync(lock).mtimeMs > ORPHAN_MS ? 'orphan' : 'starting';
    } catch {
      return 'gone';
    }
  }
}

function lockTime(lock: string): number | undefined {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Moves the dead lock aside first (atomic), so two processes breaking it at once cannot remove a new one. */
function breakLock(lock: string): void {
  const aside = `${lock}.broken-${process.pid}-${Date.now()}`;
  try {
    renameSync(lock, aside);
  } catch {
    return;
  }
  rmSync(aside, { recursive: true, force: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
