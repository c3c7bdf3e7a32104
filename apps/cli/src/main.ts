import packageJson from '../package.json';
import { commands } from './commands';
import { ExitCode, toCliError, UsageError } from './errors';
import type { CliIo, Command } from './types';

const PROGRAM = 'order-agent';

function topLevelHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Usage: ${PROGRAM} <command> [options]

Talk to the order-management Bedrock agent, evaluate it, and run its actions locally.

Commands:
${list}

Options:
  -h, --help     Show this help (or: ${PROGRAM} help <command>, ${PROGRAM} <command> --help).
  -V, --version  Show the version.
  --no-color     No ANSI colours (any command; also $NO_COLOR).
  --debug        Print stack traces with errors (any command).

Exit codes:
  0 ok, 1 network (timeout, unreachable) or other failure, 2 usage, 3 configuration, 4 access denied,
  5 throttled, 6 validation, 7 dependency failure, 8 eval or guardrail check expectations failed.`;
}

/**
 * Runs the CLI with `argv` (the arguments after the program name) and resolves to the exit code.
 * It never throws: errors become one line on stderr (plus a stack trace with --debug).
 */
export async function main(argv: string[], given: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug') || given.env.ORDER_AGENT_DEBUG === '1';
  // --no-color is NO_COLOR for this run: every Style reads it from there.
  const io = argv.includes('--no-color') ? { ...given, env: { ...given.env, NO_COLOR: '1' } } : given;
  try {
    if (name === undefined) {
      io.stderr.write(`${topLevelHelp()}\n`);
      return ExitCode.USAGE;
    }
    if (name === '-h' || name === '--help' || (name === 'help' && rest.length === 0)) {
      io.stdout.write(`${topLevelHelp()}\n`);
      return ExitCode.OK;
    }
    if (name === '-V' || name === '--version') {
      io.stdout.write(`${packageJson.version}\n`);
      return ExitCode.OK;
    }
    if (name === 'help') {
      const wanted = find(rest[0] ?? '');
      io.stdout.write(`${wanted.help}\n`);
      return ExitCode.OK;
    }
    return await find(name).run(rest, io);
  } catch (error) {
    const cliError = toCliError(error);
    // One problem per line (configuration errors may list several).
    for (const line of cliError.message.split('\n')) io.stderr.write(`${PROGRAM}: ${line}\n`);
    if (debug) io.stderr.write(`${stackOf(error)}\n`);
    return cliError.exitCode;
  }
}

function find(name: string): Command {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const names = commands.map((candidate) => candidate.name).join(', ');
    throw new UsageError(`unknown command "${name}"; commands: ${names} (see ${PROGRAM} --help)`);
  }
  return command;
}

function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `\nCaused by: ${stackOf(error.cause)}` : '';
  return `${error.stack ?? error.message}${cause}`;
}
