import { NetworkError } from '../errors';
import { probeConnect } from './connect-probe';
import { formatSeconds, type NetworkTimeouts } from './network-timeouts';

/** The part of an SDK v3 client the guard needs (every client has it). */
export interface ClientWithMiddleware {
  readonly middlewareStack: {
    add(
      middleware: unknown,
      options: { step: 'build'; name: string; priority?: 'low'; override?: boolean },
    ): void;
  };
}

interface BuildArgs {
  readonly request?: { readonly protocol?: string; readonly hostname?: string; readonly port?: number };
}
type Next = (args: BuildArgs) => Promise<unknown>;

/**
 * Puts the CLI's network timeouts around every request of one SDK client: a TCP connect probe (once per
 * endpoint) and, for plain request/response calls, a limit on waiting for the answer. Streamed answers are
 * watched by a {@link StreamWatchdog} instead, which also needs the endpoint this guard records.
 */
export class EndpointGuard {
  /** The endpoint of the latest request, as the SDK resolved it. */
  endpoint: string | undefined;
  private readonly probes = new Map<string, Promise<void>>();

  constructor(
    private readonly timeouts: NetworkTimeouts,
    private readonly options: { readonly limitResponses: boolean },
  ) {}

  static install(
    client: ClientWithMiddleware,
    timeouts: NetworkTimeouts,
    options: { readonly limitResponses: boolean },
  ): EndpointGuard {
    const guard = new EndpointGuard(timeouts, options);
    client.middlewareStack.add(
      (next: Next, context: { commandName?: string }) => (args: BuildArgs) =>
        guard.guard(next, args, context),
      { step: 'build', name: 'orderAgentEndpointGuard', priority: 'low', override: true },
    );
    return guard;
  }

  /** The endpoint's TCP connection can be made in time (checked once per endpoint). */
  connectable(endpoint: string): Promise<void> {
    let probe = this.probes.get(endpoint);
    if (!probe) {
      probe = probeConnect(endpoint, this.timeouts.connectMs);
      this.probes.set(endpoint, probe);
    }
    return probe;
  }

  private async guard(next: Next, args: BuildArgs, context: { commandName?: string }): Promise<unknown> {
    const endpoint = endpointOf(args);
    if (!endpoint) return next(args);
    this.endpoint = endpoint;
    await this.connectable(endpoint);
    if (!this.options.limitResponses) return next(args);
    const operation = (context.commandName ?? 'the request').replace(/Command$/, '');
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new NetworkError(
              `no answer from ${endpoint} to ${operation} within ${formatSeconds(this.timeouts.firstByteMs)} (--first-byte-timeout)`,
              endpoint,
            ),
          ),
        this.timeouts.firstByteMs,
      );
    });
    try {
      return await Promise.race([next(args), expiry]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function endpointOf(args: BuildArgs): string | undefined {
  const request = args.request;
  if (!request?.hostname) return undefined;
  return `${request.protocol ?? 'https:'}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
}
