import { NetworkError } from '../errors';
import { formatSeconds, type NetworkTimeouts } from './network-timeouts';

/**
 * Watches one streamed answer: the first event must arrive within the first-byte timeout, each later one
 * within the idle timeout. On expiry it aborts the request through {@link signal} and keeps the error that
 * says which endpoint and what did not arrive; the caller throws {@link expired} instead of whatever the abort
 * caused.
 */
export class StreamWatchdog {
  expired: NetworkError | undefined;
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private events = 0;

  constructor(
    private readonly timeouts: NetworkTimeouts,
    private readonly endpoint: () => string,
    private readonly operation: string,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Call when the request is sent. */
  start(): void {
    this.arm(this.timeouts.firstByteMs, () => {
      const endpoint = this.endpoint();
      return new NetworkError(
        `no answer from ${endpoint} within ${formatSeconds(this.timeouts.firstByteMs)}: ${this.operation} was sent and nothing came back (--first-byte-timeout)`,
        endpoint,
      );
    });
  }

  /** Call on every event of the stream. */
  onEvent(): void {
    this.events += 1;
    const events = this.events;
    this.arm(this.timeouts.idleMs, () => {
      const endpoint = this.endpoint();
      return new NetworkError(
        `the answer from ${endpoint} stopped mid-stream: no event for ${formatSeconds(this.timeouts.idleMs)} after event ${events} (--idle-timeout)`,
        endpoint,
      );
    });
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(ms: number, error: () => NetworkError): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.expired = error();
      this.controller.abort(this.expired);
    }, ms);
  }
}
