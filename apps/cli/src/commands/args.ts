import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors';

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
