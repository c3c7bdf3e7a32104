import { setTimeout as sleep } from 'node:timers/promises';
import { KbIndexError, RetryBudgetExhaustedError } from './errors';
import type { RetryBudget } from './retry-budget';
import type { LogSink } from './types';

/** What one attempt found: the value, or why another attempt is worth making. */
export type Attempt<T> =
  | { readonly done: true; readonly value: T }
  | { readonly done: false; readonly reason: string };

export const succeeded = <T>(value: T): Attempt<T> => ({ done: true, value });
export const retryBecause = (reason: string): Attempt<never> => ({ done: false, reason });

/** Options for {@link retryWithinBudget}. */
export interface RetryOptions {
  /** Names the step in each retry's log line and in the error when the budget runs out. */
  readonly step: string;
  /** Shared by every step of a run: the Lambda's timeout bounds the run, not each step. */
  readonly budget: RetryBudget;
  /** Receives one WARN entry per retry. */
  readonly log: LogSink;
  /**
   * Fields added to every retry's log line (the index name, ...).
   * @default {}
   */
  readonly logFields?: Readonly<Record<string, unknown>>;
  /**
   * What to check when access stays denied (the last failure an HTTP 403).
   * @default RetryBudgetExhaustedError's: the collection's data access policy
   */
  readonly forbiddenHint?: string;
}

/**
 * Runs `attempt` until it succeeds, with jittered exponential back-off inside the budget. An attempt that throws
 * one of this package's errors (a rejection no retry can fix) ends the step at once; any other throw (no answer,
 * a reset connection) is retried like a retryable answer. When waiting again would pass the deadline, it throws
 * RetryBudgetExhaustedError with the last reason.
 */
export async function retryWithinBudget<T>(
  options: RetryOptions,
  attempt: () => Promise<Attempt<T>>,
): Promise<T> {
  const { step, budget, log, logFields } = options;
  for (let attemptNumber = 1; ; attemptNumber++) {
    let reason: string;
    try {
      const outcome = await attempt();
      if (outcome.done) return outcome.value;
      reason = outcome.reason;
    } catch (error) {
      if (error instanceof KbIndexError) throw error;
      reason = `no answer: ${error instanceof Error ? error.message : String(error)}`;
    }
    const delayMs = budget.delayBefore(attemptNumber);
    if (delayMs === undefined) {
      throw new RetryBudgetExhaustedError(
        step,
        attemptNumber,
        budget.elapsedMs(),
        reason,
        ...(options.forbiddenHint === undefined ? [] : [options.forbiddenHint]),
      );
    }
    log({
      level: 'WARN',
      message: `${step}: retrying`,
      ...logFields,
      attempt: attemptNumber,
      reason,
      delayMs,
    });
    await sleep(delayMs);
  }
}
