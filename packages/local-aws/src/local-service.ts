import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the local services (npm run dev, the stand-in agent) write their pidfiles: `<repo>/.order-agent/`. */
export function pidfilePath(name: string, from: string = process.cwd()): string {
  return join(repositoryRoot(from), '.order-agent', `${name}.pid`);
}

export interface SupervisedService {
  readonly pidfile: string;
}

/**
 * Runs a long-lived local service the way a terminal user expects: writes `<repo>/.order-agent/<name>.pid`,
 * and stops it once (then exits 0, pidfile removed) on Ctrl-C, on SIGTERM, or when the process that started it
 * goes away. The last case is `kill <pid of npm run dev>`: that npm dies without passing the signal on to the
 * npm it started for the workspace (which lives on, orphaned, as does the shell under it), so the whole chain of
 * processes above this one is watched, not only the parent; otherwise the server would keep its port.
 */
export function superviseLocalService(name: string, stop: () => Promise<void>): SupervisedService {
  const pidfile = pidfilePath(name);
  mkdirSync(dirname(pidfile), { recursive: true });
  writeFileSync(pidfile, `${process.pid}\n`);
  const parent = process.ppid;
  const ancestors = ancestorPids();
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    const done = (code: number) => {
      removeOwnPidfile(pidfile);
      process.exit(code);
    };
    stop().then(
      () => done(0),
      () => done(1),
    );
  };
  const watch = setInterval(() => {
    if (process.ppid !== parent || ancestors.some((pid) => !alive(pid))) shutdown();
  }, 500);
  watch.unref();
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.once('SIGHUP', shutdown);
  process.once('exit', () => removeOwnPidfile(pidfile));
  return { pidfile };
}

function removeOwnPidfile(pidfile: string): void {
  try {
    if (readFileSync(pidfile, 'utf8').trim() === String(process.pid)) rmSync(pidfile, { force: true });
  } catch {
    // Already gone.
  }
}

/** The nearest directory up from `from` with a package.json that declares workspaces (or a .git). */
function repositoryRoot(from: string): string {
  let directory = resolve(from);
  for (;;) {
    if (existsSync(join(directory, '.git'))) return directory;
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        workspaces?: unknown;
      };
      if (manifest.workspaces !== undefined) return directory;
    } catch {
      // No package.json here.
    }
    const parent = dirname(directory);
    if (parent === directory) return resolve(from);
    directory = parent;
  }
}

/** The processes above this one, nearest first, up to (not including) init; from /proc where there is one. */
function ancestorPids(): number[] {
  const pids: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && pids.length < 32) {
    pids.push(pid);
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
