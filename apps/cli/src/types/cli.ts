/** Everything a command may touch outside itself, so tests can run the CLI in-process and capture it. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  /** Our own settings (ORDER_AGENT_*) are read from here; the AWS SDK reads AWS_* from the process itself. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: { readonly stdin: boolean; readonly stdout: boolean; readonly stderr: boolean };
  /** Directory relative paths (scenario files, reports, deploy-outputs.json lookup) are resolved against. */
  readonly cwd: string;
}

/** One sub-command: `order-agent <name> ...`. */
export interface Command {
  readonly name: string;
  /** One line for the command list in `order-agent --help`. */
  readonly summary: string;
  /** The complete `--help` text. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}
