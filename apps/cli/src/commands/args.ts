import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors';
import { TIMEOUT_OPTIONS } from '../network/network-timeouts';
import type { CliIo } from '../types';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const satisfies Options;

/** How to reach AWS: a profile, an endpoint, and the network timeouts; for every command that calls AWS. */
export const AWS_OPTIONS = {
  region: { type: 'string' },
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
  ...TIMEOUT_OPTIONS,
} as const satisfies Options;

/** The flags that pick the agent alias; shared by invoke and eval. */
export const TARGET_OPTIONS = {
  'agent-id': { type: 'string' },
  'alias-id': { type: 'string' },
  env: { type: 'string' },
  'max-retries': { type: 'string' },
  ...AWS_OPTIONS,
} as const satisfies Options;

/** The signed-in customer the agent or handler acts for; shared by invoke, eval and action. */
export const CUSTOMER_OPTIONS = {
  'customer-id': { type: 'string' },
} as const satisfies Options;

/** What --help says about --customer-id (the text after the flag's column). */
export const CUSTOMER_HELP = `The signed-in customer, sent as the session attribute customerId (the
                       order API acts only on that customer's orders). Default: $ORDER_AGENT_CUSTOMER_ID.`;

/**
 * The customer id from --customer-id, else $ORDER_AGENT_CUSTOMER_ID, else none. Sent as given: the order API
 * decides what a valid one is (and answers 401 otherwise).
 */
export function customerIdOption(flag: string | undefined, env: CliIo['env']): string | undefined {
  return flag ?? (env.ORDER_AGENT_CUSTOMER_ID || undefined);
}

/** The help lines for {@link AWS_OPTIONS} other than the timeouts and --region. */
export const AWS_HELP = `  --profile NAME       AWS profile for credentials and region (default: $AWS_PROFILE, else the default chain).
  --endpoint-url URL   Send requests to this endpoint instead of the service's (default: the SDK's
                       $AWS_ENDPOINT_URL_<SERVICE>, then $AWS_ENDPOINT_URL).`;

/** util.parseArgs in strict mode, its errors reworded as one usage line that points at --help. */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      `${describeParseError(error as Error & { code?: string })} (see order-agent ${command} --help)`,
      {
        cause: error,
      },
    );
  }
}

/** parseArgs' own messages run to two sentences with nested quotes; this names the flag and the problem. */
function describeParseError(error: Error & { code?: string }): string {
  const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? 'an option';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message) ? `${flag} needs a value` : `${flag} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'unexpected argument';
    default:
      return error.message.split('\n')[0] ?? 'bad arguments';
  }
}

/** The one sub-command a command takes (`kb sync`, `guardrail check`), and no other argument. */
export function expectSubcommand(command: string, positionals: readonly string[], subcommand: string): void {
  const [given, ...extra] = positionals;
  if (given !== subcommand) {
    throw new UsageError(
      given === undefined
        ? `missing sub-command: ${subcommand}`
        : `unknown ${command} sub-command "${given}"; sub-commands: ${subcommand}`,
    );
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
}

/** A non-negative integer flag, or its default. */
export function integerFlag(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}, got "${value}"`);
  }
  return Number(value);
}
