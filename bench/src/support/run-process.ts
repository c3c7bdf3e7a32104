import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunOptions {
  readonly cwd: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the process (and fail) after this long. @default 120_000 */
  readonly timeoutMs?: number;
  /**
   * Also measure the peak resident set size. With GNU time (`/usr/bin/time -f %M`) it is the largest of the
   * process and every descendant it waited for; otherwise Node processes get a preload that reports their own
   * `process.resourceUsage().maxRSS` (descendants not counted), and other commands get none.
   * @default false
   */
  readonly peakRss?: boolean;
}

export interface ProcessResult {
  /** From spawn to exit, measured in this process. */
  readonly wallMs: number;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak RSS in KiB, when asked for and measurable. */
  readonly peakRssKb?: number;
  /** How peakRssKb was measured. */
  readonly peakRssSource?: PeakRssTool;
}

export type PeakRssTool = 'gnu-time' | 'preload';

const GNU_TIME = '/usr/bin/time';

/**
 * Variables that change how every Node.js process starts. The processes measured run without them, as a Lambda
 * does: this machine sets NODE_EXTRA_CA_CERTS, which alone adds ~35 ms to each start (it parses the CA bundle).
 */
export const NODE_START_VARIABLES = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'] as const;

/** The environment for a measured process: this one's, plus `extra`, minus NODE_START_VARIABLES. */
export function measuredEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of NODE_START_VARIABLES) delete env[name];
  return env;
}
let peakRssTool: Promise<PeakRssTool> | undefined;

/** GNU time when it is installed and understands `-f %M -o`, else the Node preload. Decided once. */
export function detectPeakRssTool(): Promise<PeakRssTool> {
  peakRssTool ??= (async () => {
    if (!existsSync(GNU_TIME)) return 'preload';
    const probe = await runProcess(process.execPath, ['-e', '0'], {
      cwd: tmpdir(),
      peakRss: false,
      useGnuTime: true,
    });
    return probe.exitCode === 0 && probe.peakRssKb !== undefined ? 'gnu-time' : 'preload';
  })();
  return peakRssTool;
}

/** The preload that reports a Node process's own peak RSS (scripts/report-max-rss.cjs). */
let preloadPath: string | undefined;
export function setMaxRssPreload(path: string): void {
  preloadPath = path;
}

/** Runs one command to completion, timing it from here; never rejects on a failing command. */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<ProcessResult> {
  const tool = options.peakRss ? await detectPeakRssTool() : undefined;
  return runProcess(command, args, { ...options, useGnuTime: tool === 'gnu-time' });
}

async function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions & { readonly useGnuTime: boolean },
): Promise<ProcessResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const rssFile = join(scratch, 'peak-rss');
  const env = { ...(options.env ?? process.env) };
  let file = command;
  let argv = [...args];
  let source: PeakRssTool | undefined;
  if (options.useGnuTime) {
    file = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, command, ...args];
    source = 'gnu-time';
  } else if (options.peakRss && command === process.execPath && preloadPath) {
    argv = ['-r', preloadPath, ...args];
    env.BENCH_MAX_RSS_FILE = rssFile;
    source = 'preload';
  }
  try {
    const result = await spawnAndWait(file, argv, options.cwd, env, options.timeoutMs ?? 120_000);
    const peakRssKb = source && existsSync(rssFile) ? lastInteger(readFileSync(rssFile, 'utf8')) : undefined;
    return {
      ...result,
      ...(peakRssKb === undefined ? {} : { peakRssKb, peakRssSource: source }),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** GNU time writes "Command exited with non-zero status N" before the figure when the command fails. */
function lastInteger(text: string): number | undefined {
  const match = text.trim().match(/(\d+)\s*$/);
  return match ? Number(match[1]) : undefined;
}

function spawnAndWait(
  file: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Omit<ProcessResult, 'peakRssKb' | 'peakRssSource'>> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // Asynchronous on purpose: the processes measured may call servers (dynalite) running in this process.
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let exitedAt: bigint | undefined;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', () => {
      exitedAt = process.hrtime.bigint();
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        wallMs: Number((exitedAt ?? process.hrtime.bigint()) - started) / 1e6,
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
