import { resolve } from 'node:path';
import { UsageError } from '../errors';
import { takeAllowDestroy } from './plan-guard-report';

export const LIVE_COMMANDS = ['plan', 'apply', 'deploy', 'destroy'] as const;
export type LiveCommand = (typeof LIVE_COMMANDS)[number];

/** A checked invocation of plan, apply, deploy or destroy. */
export interface LiveInvocation {
  readonly command: LiveCommand;
  /** `dev`, `prod`..., `state`, or a full stack name. */
  readonly target: string;
  /** apply: the saved plan to apply. plan, deploy, destroy: where to write it. @default cdktf.out/plans/<stack>.tfplan */
  readonly planFile?: string;
  /** Apply without asking. */
  readonly yes: boolean;
  readonly allowDestroy: readonly string[];
  /** Init moves the existing state into the newly configured backend (the bootstrap stack, once). */
  readonly migrateState: boolean;
}

export type ParsedLiveArguments =
  | { readonly kind: 'help'; readonly usage: string }
  | { readonly kind: 'run'; readonly invocation: LiveInvocation };

const TARGET = '<dev|prod|state|stack name>';
const OPTION_HELP: Readonly<Record<string, string>> = {
  '--out FILE': 'write the saved plan here (default cdktf.out/plans/<stack>.tfplan)',
  '--allow-destroy ADDRESS': 'let the plan destroy or replace this stateful resource (repeatable)',
  '--migrate-state': 'move the existing state into the configured backend (bootstrap stack, once)',
  '--yes': 'apply without asking (needed when standard input is not a terminal)',
  '--help': 'this text',
};
const SPECS: Readonly<Record<LiveCommand, { operands: string; options: readonly string[]; what: string }>> = {
  plan: {
    operands: TARGET,
    options: ['--out FILE', '--allow-destroy ADDRESS', '--migrate-state'],
    what: 'checks credentials and models, synthesizes, plans against the real backend, runs the plan guard, saves the plan (diff is an alias)',
  },
  apply: {
    operands: `${TARGET} [PLANFILE]`,
    options: ['--yes'],
    what: 'applies exactly a saved plan, after refusing a failed guard, another account or changed code',
  },
  deploy: {
    operands: TARGET,
    options: ['--out FILE', '--allow-destroy ADDRESS', '--migrate-state', '--yes'],
    what: 'plan, then apply that plan (same checks, same confirmation)',
  },
  destroy: {
    operands: TARGET,
    options: ['--out FILE', '--yes'],
    what: 'saves a destroy plan, then applies it after the same confirmation',
  },
};

export function liveUsage(command: LiveCommand): string {
  const spec = SPECS[command];
  return [
    `usage: npm run ${command} -- ${spec.operands} [${spec.options.join('] [')}]`,
    '',
    `${command}: ${spec.what}.`,
    '',
    ...[...spec.options, '--help'].map((option) => `  ${option.padEnd(26)} ${OPTION_HELP[option]}`),
  ].join('\n');
}

/** Checks the arguments of one live command; `--help`/`-h` anywhere asks for the usage. */
export function parseLiveArguments(command: LiveCommand, argv: readonly string[]): ParsedLiveArguments {
  if (argv.some((arg) => arg === '--help' || arg === '-h' || arg === 'help')) {
    return { kind: 'help', usage: liveUsage(command) };
  }
  const spec = SPECS[command];
  const takes = (option: string) => spec.options.some((known) => known.split(' ')[0] === option);
  const usage = `usage: npm run ${command} -- ${spec.operands} [${spec.options.join('] [')}]`;
  const { allowDestroy, rest } = takes('--allow-destroy')
    ? takeAllowDestroy(argv)
    : { allowDestroy: [], rest: [...argv] };
  const operands: string[] = [];
  let out: string | undefined;
  let yes = false;
  let migrateState = false;
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]!;
    const [flag, inline] = arg.startsWith('--') ? splitInline(arg) : [arg, undefined];
    if (!flag.startsWith('-')) operands.push(arg);
    else if (!takes(flag)) throw new UsageError(`${command} takes no ${flag} (${usage}; --help for more)`);
    else if ((flag === '--yes' || flag === '--migrate-state') && inline !== undefined)
      // `--yes=false` must not read as yes.
      throw new UsageError(`${flag} takes no value (${usage})`);
    else if (flag === '--yes') yes = true;
    else if (flag === '--migrate-state') migrateState = true;
    else {
      const value = inline ?? rest[++index];
      if (value === undefined || value.startsWith('-'))
        throw new UsageError(`${flag} needs a file (${usage})`);
      out = value;
    }
  }
  const [target, planFile, ...extra] = operands;
  const maxOperands = command === 'apply' ? 2 : 1;
  if (target === undefined) throw new UsageError(`${command}: name the environment (${usage})`);
  if (operands.length > maxOperands) {
    throw new UsageError(
      `${command}: unexpected ${[...(maxOperands === 1 ? [planFile] : []), ...extra].join(' ')} (${usage})`,
    );
  }
  const file = command === 'apply' ? planFile : out;
  return {
    kind: 'run',
    invocation: {
      command,
      target,
      ...(file === undefined ? {} : { planFile: resolve(file) }),
      yes,
      allowDestroy,
      migrateState,
    },
  };
}

function splitInline(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}
