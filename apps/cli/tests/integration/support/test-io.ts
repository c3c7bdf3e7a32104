import { PassThrough, Writable } from 'node:stream';
import type { CliIo } from '../../../src/types';

export interface CapturedIo {
  readonly io: CliIo;
  /** Everything written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** What the CLI reads as stdin; write lines to it to answer prompts. */
  readonly stdin: PassThrough;
  /** stdout writes in order, to check streaming. */
  readonly stdoutWrites: string[];
}

export interface TestIoOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly stdinIsTTY?: boolean;
  /** Written to stdin and then ended. */
  readonly stdinText?: string;
}

/** A CliIo that captures output in memory, for running main() in-process. */
export function captureIo(options: TestIoOptions = {}): CapturedIo {
  const stdoutWrites: string[] = [];
  let stderr = '';
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      stdoutWrites.push(String(chunk));
      done();
    },
  });
  const stderrStream = new Writable({
    write(chunk, _encoding, done) {
      stderr += String(chunk);
      done();
    },
  });
  const stdin = new PassThrough();
  if (options.stdinText !== undefined) stdin.end(options.stdinText);
  return {
    io: {
      stdout,
      stderr: stderrStream,
      stdin,
      env: { ...options.env },
      isTTY: { stdin: options.stdinIsTTY ?? false, stdout: false, stderr: false },
      cwd: options.cwd ?? process.cwd(),
    },
    stdout: () => stdoutWrites.join(''),
    stderr: () => stderr,
    stdin,
    stdoutWrites,
  };
}
