import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors';
import type { CliIo } from '../types';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const satisfies Options;

/** The flags that pick the agent alias; shared by invoke and eval. */
export const TARGET_OPTIONS = {
  'agent-id': { type: 'string' },
  'alias-id': { type: 'string' },
  env: { type: 'string' },
  region: { type: 'string' },
  'max-retries': { type: 'string' },
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

/** util.parseArgs in strict mode, with its errors turned into usage errors that point at --help. */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see order-agent ${command} --help)`, {
      cause: error,
    });
  }
}

/** A non-negative integer flag, or its default. */
export function integerFlag(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}, got "${value}"`);
  }
  return Number(value);
}
