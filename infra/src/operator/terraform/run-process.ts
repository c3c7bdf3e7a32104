import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion and collects its output (no shell: arguments are passed as they are). With
 * `echo`, a person watches it too: standard input is theirs and both outputs are shown as they come (a real plan
 * or apply takes minutes), while still being collected so the caller can name the cause of a failure.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: {
    readonly cwd: string;
    readonly env: NodeJS.ProcessEnv;
    readonly timeoutMs?: number;
    readonly echo?: boolean;
  },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const echo = options.echo ?? false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [echo ? 'inherit' : 'ignore', 'pipe', 'pipe'],
      ...(echo ? {} : { timeout: options.timeoutMs ?? 600_000 }),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

/** Runs `tasks` with at most `limit` in flight; results keep the tasks' order. */
export async function inPool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return results;
}

/** The last lines of a command's output: enough of terraform's diagnostics for a one-screen error. */
export function lastLines(text: string, count = 40): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/**
 * The cause of a failed terraform run in one line: its first `Error:` summary (with the detail's first line),
 * else the last line it printed.
 */
export function terraformFailureCause(output: string): string {
  const lines = stripVTControlCharacters(output)
    .split('\n')
    .map((line) => line.replace(/^[│╷╵ ]+/, '').trimEnd());
  const index = lines.findIndex((line) => line.startsWith('Error: '));
  if (index === -1) return lines.filter((line) => line !== '').pop() ?? 'no output';
  const detail = lines
    .slice(index + 1)
    .find((line) => line !== '' && !line.startsWith('with ') && !line.startsWith('on '));
  return detail === undefined ? lines[index]! : `${lines[index]!} ${detail}`;
}
