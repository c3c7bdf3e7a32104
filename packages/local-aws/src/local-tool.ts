import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Exit codes of the local tools (dev, seed, the stand-in agent), the same as the order-agent CLI's. */
export const ToolExit = { OK: 0, FAILURE: 1, USAGE: 2, CONFIG: 3 } as const;

/** A mistake the user can fix; `exitCode` says which kind. Printed as one line. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ToolExit.FAILURE,
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

/** util.parseArgs, strict, with --help and --debug added and its errors as one usage line. */
export function parseToolArgs<T extends Options>(tool: string, argv: string[], options: T) {
  const all = { ...options, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } } as const;
  try {
    return parseArgs({ args: argv, options: all, allowPositionals: false, strict: true });
  } catch (error) {
    const flag = /'(-{1,2}[^' ]+)/.exec((error as Error).message)?.[1] ?? 'an argument';
    const code = (error as { code?: string }).code;
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${flag}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? /argument missing/.test((error as Error).message)
            ? `${flag} needs a value`
            : `${flag} takes no value`
          : 'unexpected argument';
    throw new ToolError(`${problem} (see ${tool} --help)`, ToolExit.USAGE);
  }
}

/** A TCP port flag: 0-65535 (0: any free port). */
export function portFlag(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65_535) {
    throw new ToolError(
      `--port must be a port number from 0 to 65535 (0: any free port), got "${value}"`,
      ToolExit.USAGE,
    );
  }
  return Number(value);
}

/**
 * Runs a tool's main(): errors become `<tool>: <one line>` on stderr and the exit code of their kind; a stack
 * trace only with --debug. The AWS SDK's Node-version notice is for maintainers, so it is off unless set.
 */
export function runTool(tool: string, main: () => Promise<void>): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${tool}: ${message.replace(/\s+/g, ' ').trim()}\n`);
    if (process.argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(error instanceof ToolError ? error.exitCode : ToolExit.FAILURE);
  });
}
