import {
  IndexRequestRejectedError,
  type LogEntry,
  RetryBudget,
  RetryBudgetExhaustedError,
  retryBecause,
  retryWithinBudget,
  succeeded,
} from '../../src';

/** A budget with no real waiting: 1 ms delays, `budgetMs` of room. */
const budget = (budgetMs = 1_000) =>
  new RetryBudget({ budgetMs, baseDelayMs: 1, maxDelayMs: 1, random: () => 1 });

describe('retryWithinBudget', () => {
  it('returns the first success, logging one WARN line per retry with the step and its fields', async () => {
    const logs: LogEntry[] = [];
    const outcomes = [retryBecause('HTTP 503: busy'), retryBecause('HTTP 429: slow down'), succeeded('ok')];
    const value = await retryWithinBudget(
      { step: 'do thing', budget: budget(), log: (entry) => logs.push(entry), logFields: { index: 'kb' } },
      async () => outcomes.shift()!,
    );
    expect(value).toBe('ok');
    expect(logs).toEqual([
      {
        level: 'WARN',
        message: 'do thing: retrying',
        index: 'kb',
        attempt: 1,
        reason: 'HTTP 503: busy',
        delayMs: 1,
      },
      {
        level: 'WARN',
        message: 'do thing: retrying',
        index: 'kb',
        attempt: 2,
        reason: 'HTTP 429: slow down',
        delayMs: 1,
      },
    ]);
  });

  it('retries a throw that is not one of ours as "no answer"', async () => {
    const logs: LogEntry[] = [];
    let calls = 0;
    await retryWithinBudget(
      { step: 'send', budget: budget(), log: (entry) => logs.push(entry) },
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('socket hang up');
        return succeeded(undefined);
      },
    );
    expect(logs.map((entry) => entry.reason)).toEqual(['no answer: socket hang up']);
  });

  it('ends at once on one of our errors (a rejection no retry can fix)', async () => {
    let calls = 0;
    const rejected = new IndexRequestRejectedError('create index', 400, 'mapper_parsing_exception');
    await expect(
      retryWithinBudget({ step: 'create index', budget: budget(), log: () => {} }, async () => {
        calls += 1;
        throw rejected;
      }),
    ).rejects.toBe(rejected);
    expect(calls).toBe(1);
  });

  it('gives up with the last reason and the hint for a lasting 403 when the budget is spent', async () => {
    const attempt = retryWithinBudget(
      { step: 'start job', budget: budget(0), log: () => {}, forbiddenHint: 'check the role' },
      async () => retryBecause('HTTP 403: AccessDenied'),
    );
    await expect(attempt).rejects.toThrow(RetryBudgetExhaustedError);
    await expect(
      retryWithinBudget(
        { step: 'start job', budget: budget(0), log: () => {}, forbiddenHint: 'check the role' },
        async () => retryBecause('HTTP 403: AccessDenied'),
      ),
    ).rejects.toThrow(
      /^kb-index: start job still failing after 1 attempts over 0s; last: HTTP 403: AccessDenied \(check the role\)$/,
    );
  });
});
