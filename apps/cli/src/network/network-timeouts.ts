import { UsageError } from '../errors';

/** How long the CLI waits on the network before it gives up with one line (exit 1). */
export interface NetworkTimeouts {
  /** For the TCP connection to the endpoint. */
  readonly connectMs: number;
  /** From sending a request until the first byte of its answer (the first stream event for InvokeAgent). */
  readonly firstByteMs: number;
  /** Between two events of a streamed answer. */
  readonly idleMs: number;
}

/**
 * A model that reasons before its first token, calls actions and reads a knowledge base can stay silent for
 * minutes; a connection, though, is made in milliseconds or never.
 */
export const DEFAULT_NETWORK_TIMEOUTS: NetworkTimeouts = {
  connectMs: 10_000,
  firstByteMs: 300_000,
  idleMs: 120_000,
};

/** The flags, each with the environment variable that sets it when the flag is absent. */
export const TIMEOUT_SETTINGS = [
  { flag: 'connect-timeout', env: 'ORDER_AGENT_CONNECT_TIMEOUT', key: 'connectMs' },
  { flag: 'first-byte-timeout', env: 'ORDER_AGENT_FIRST_BYTE_TIMEOUT', key: 'firstByteMs' },
  { flag: 'idle-timeout', env: 'ORDER_AGENT_IDLE_TIMEOUT', key: 'idleMs' },
] as const;

export const TIMEOUT_OPTIONS = {
  'connect-timeout': { type: 'string' },
  'first-byte-timeout': { type: 'string' },
  'idle-timeout': { type: 'string' },
} as const;

export const TIMEOUT_HELP = `Network timeouts (seconds, fractions allowed; on expiry one line naming the endpoint, exit 1):
  --connect-timeout S     TCP connection to the endpoint (default ${DEFAULT_NETWORK_TIMEOUTS.connectMs / 1000};
                          $ORDER_AGENT_CONNECT_TIMEOUT).
  --first-byte-timeout S  From a request to the first part of its answer (default ${DEFAULT_NETWORK_TIMEOUTS.firstByteMs / 1000};
                          $ORDER_AGENT_FIRST_BYTE_TIMEOUT).
  --idle-timeout S        Between two parts of a streamed answer (default ${DEFAULT_NETWORK_TIMEOUTS.idleMs / 1000};
                          $ORDER_AGENT_IDLE_TIMEOUT).`;

/** Flag, else environment variable, else default; anything but a positive number of seconds is a usage error. */
export function resolveNetworkTimeouts(
  flags: Readonly<Partial<Record<(typeof TIMEOUT_SETTINGS)[number]['flag'], string>>>,
  env: Readonly<Record<string, string | undefined>>,
): NetworkTimeouts {
  const timeouts: Record<keyof NetworkTimeouts, number> = { ...DEFAULT_NETWORK_TIMEOUTS };
  for (const setting of TIMEOUT_SETTINGS) {
    const fromFlag = flags[setting.flag];
    const raw = fromFlag ?? env[setting.env];
    if (raw === undefined || raw === '') continue;
    const seconds = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!(seconds > 0) || seconds > 86_400) {
      const source = fromFlag === undefined ? setting.env : `--${setting.flag}`;
      throw new UsageError(`${source} must be a number of seconds above 0 and at most 86400, got "${raw}"`);
    }
    timeouts[setting.key] = Math.round(seconds * 1000);
  }
  return timeouts;
}

/** `300 s`, `0.2 s`: how a timeout reads in a message. */
export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
