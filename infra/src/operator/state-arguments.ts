import { StateUsageError } from '../errors';

export const STATE_COMMANDS = ['list', 'show', 'mv', 'rm', 'import', 'pull'] as const;
export type StateCommand = (typeof STATE_COMMANDS)[number];

/** A checked `npm run state` invocation. */
export interface StateInvocation {
  readonly command: StateCommand;
  /** An environment name, or `state` for the bootstrap stack. */
  readonly environment: string;
  /** The terraform arguments after the subcommand (flags first, then the operands). */
  readonly terraformArgs: readonly string[];
  /** Whether the command writes the state (mv, rm, import). */
  readonly writesState: boolean;
  /** `pull <env> <file>`: where to write the state instead of standard output. */
  readonly outputFile?: string;
}

export type ParsedStateArguments =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly invocation: StateInvocation };

interface CommandSpec {
  readonly operands: string;
  readonly min: number;
  readonly max: number;
  /** Terraform flags passed through (a trailing `=` takes a value). */
  readonly flags: readonly string[];
  readonly terraform: readonly string[];
  readonly writesState: boolean;
  readonly summary: string;
}

const SPECS: Readonly<Record<StateCommand, CommandSpec>> = {
  list: {
    operands: '[address...]',
    min: 0,
    max: Number.POSITIVE_INFINITY,
    flags: ['-id='],
    terraform: ['state', 'list'],
    writesState: false,
    summary: 'the addresses in the state (those matching the given addresses)',
  },
  show: {
    operands: '<address>',
    min: 1,
    max: 1,
    flags: [],
    terraform: ['state', 'show'],
    writesState: false,
    summary: 'the attributes Terraform holds for one resource',
  },
  mv: {
    operands: '<from> <to>',
    min: 2,
    max: 2,
    flags: ['-dry-run', '-lock-timeout='],
    terraform: ['state', 'mv'],
    writesState: true,
    summary: 'move a resource to a new address (the real resource is untouched)',
  },
  rm: {
    operands: '<address>...',
    min: 1,
    max: Number.POSITIVE_INFINITY,
    flags: ['-dry-run', '-lock-timeout='],
    terraform: ['state', 'rm'],
    writesState: true,
    summary: 'forget resources (they keep existing in AWS, unmanaged)',
  },
  import: {
    operands: '<address> <id>',
    min: 2,
    max: 2,
    flags: ['-lock-timeout='],
    terraform: ['import', '-input=false'],
    writesState: true,
    summary: 'adopt an existing AWS resource at an address of the configuration',
  },
  pull: {
    operands: '[file]',
    min: 0,
    max: 1,
    flags: [],
    terraform: ['state', 'pull'],
    writesState: false,
    summary: 'the whole state (JSON), to the file or standard output (for plan:offline --state)',
  },
};

export const STATE_USAGE = [
  'usage: npm run state -- <command> <environment|state> [arguments] [flags]',
  '',
  ...STATE_COMMANDS.map((command) => {
    const spec = SPECS[command];
    const flags = spec.flags.map((flag) => (flag.endsWith('=') ? `[${flag}<value>]` : `[${flag}]`)).join(' ');
    return `  ${`${command} <env> ${spec.operands} ${flags}`.padEnd(58)} ${spec.summary}`;
  }),
  '',
  '<env> is an environment of the configuration, or `state` for the bootstrap stack. Every command synthesizes',
  "the app, initialises the stack's backend from the same configuration as deploy (ORDER_AGENT_INFRA_CONFIG or",
  "infra/config/environments.json), and refuses to run unless the caller's AWS credentials belong to the",
  "environment's account. The state bucket keeps every earlier version of the state.",
].join('\n');

/** Checks the arguments of `npm run state`; `--help`/`-h`/`help` anywhere asks for the usage. */
export function parseStateArguments(argv: readonly string[]): ParsedStateArguments {
  if (argv.length === 0 || argv.some((arg) => arg === '--help' || arg === '-h' || arg === 'help')) {
    return { kind: 'help' };
  }
  const [command, environment, ...rest] = argv;
  if (!isStateCommand(command)) {
    throw new StateUsageError(
      `unknown state command ${JSON.stringify(command)} (one of ${STATE_COMMANDS.join(', ')}; --help for usage)`,
    );
  }
  const spec = SPECS[command];
  if (environment === undefined || environment.startsWith('-')) {
    throw new StateUsageError(`state ${command}: name the environment (usage: ${usageLine(command)})`);
  }
  const flags: string[] = [];
  const operands: string[] = [];
  for (const arg of rest) {
    if (!arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const flag = arg.replace(/^--/, '-');
    const allowed = spec.flags.find((name) => (name.endsWith('=') ? flag.startsWith(name) : flag === name));
    if (allowed === undefined || (allowed.endsWith('=') && flag.length === allowed.length)) {
      const accepted = spec.flags.length === 0 ? 'it takes no flags' : `it takes ${spec.flags.join(', ')}`;
      throw new StateUsageError(`state ${command}: unknown flag ${arg} (${accepted})`);
    }
    flags.push(flag);
  }
  if (operands.length < spec.min || operands.length > spec.max) {
    throw new StateUsageError(
      `state ${command}: expected ${spec.operands || 'no arguments'} after the environment, got ${operands.length} (usage: ${usageLine(command)})`,
    );
  }
  // pull's operand is where the state goes, not a terraform argument.
  const outputFile = command === 'pull' ? operands.pop() : undefined;
  return {
    kind: 'run',
    invocation: {
      command,
      environment,
      terraformArgs: [...spec.terraform, ...flags, ...operands],
      writesState: spec.writesState,
      ...(outputFile === undefined ? {} : { outputFile }),
    },
  };
}

function usageLine(command: StateCommand): string {
  return `npm run state -- ${command} <env> ${SPECS[command].operands}`.trimEnd();
}

function isStateCommand(value: string | undefined): value is StateCommand {
  return (STATE_COMMANDS as readonly (string | undefined)[]).includes(value);
}
