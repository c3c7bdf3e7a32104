import { RetryBudget } from '../../src';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RetryBudget', () => {
  it('doubles the delay per retry up to the cap, jittered between a quarter and all of each step', () => {
    const time = clock();
    const low = new RetryBudget({
      budgetMs: 600_000,
      baseDelayMs: 1_000,
      maxDelayMs: 15_000,
      now: time.now,
      random: () => 0,
    });
    const high = new RetryBudget({
      budgetMs: 600_000,
      baseDelayMs: 1_000,
      maxDelayMs: 15_000,
      now: time.now,
      random: () => 0.999_999,
    });

    expect([1, 2, 3, 4, 5, 6].map((retry) => low.delayBefore(retry))).toEqual([
      250, 500, 1_000, 2_000, 3_750, 3_750,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((retry) => high.delayBefore(retry))).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000,
    ]);
  });

  it('refuses a retry whose wait would pass the deadline', () => {
    const time = clock();
    const budget = new RetryBudget({
      budgetMs: 10_000,
      baseDelayMs: 4_000,
      now: time.now,
      random: () => 0.999_999,
    });

    expect(budget.delayBefore(1)).toBe(4_000);
    time.advance(5_000);
    expect(budget.delayBefore(1)).toBe(4_000);
    time.advance(2_000);
    expect(budget.delayBefore(1)).toBeUndefined();
    expect(budget.elapsedMs()).toBe(7_000);
  });

  it('allows no retry at all with a zero budget', () => {
    expect(new RetryBudget({ budgetMs: 0, random: () => 0 }).delayBefore(1)).toBeUndefined();
  });
});
