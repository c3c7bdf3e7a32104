/** Options for {@link RetryBudget}. */
export interface RetryBudgetProps {
  /** Time allowed for all attempts together, in milliseconds. */
  readonly budgetMs: number;
  /**
   * First back-off delay; each retry doubles it, with full jitter.
   * @default 1000
   */
  readonly baseDelayMs?: number;
  /**
   * Longest single delay.
   * @default 15000
   */
  readonly maxDelayMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default Math.random */
  readonly random?: () => number;
}

/**
 * Exponential back-off with jitter inside one total time budget, shared by every step of a run (the
 * Lambda's own timeout bounds the whole run, not each step).
 */
export class RetryBudget {
  private readonly startedAt: number;
  private readonly deadline: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(props: RetryBudgetProps) {
    this.now = props.now ?? Date.now;
    this.random = props.random ?? Math.random;
    this.baseDelayMs = props.baseDelayMs ?? 1_000;
    this.maxDelayMs = props.maxDelayMs ?? 15_000;
    this.startedAt = this.now();
    this.deadline = this.startedAt + props.budgetMs;
  }

  /** Milliseconds spent since the budget started. */
  elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  /**
   * The delay before retry number `retry` (1-based), or `undefined` when waiting would pass the deadline.
   * The delay never falls below a quarter of the exponential step, so retries do not bunch up at zero.
   */
  delayBefore(retry: number): number | undefined {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(retry - 1, 30));
    const delay = Math.round(ceiling * (0.25 + 0.75 * this.random()));
    return this.now() + delay < this.deadline ? delay : undefined;
  }
}
