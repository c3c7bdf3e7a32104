import { median, percentileOfSorted, ratioOf } from '../../src/support/stats';

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves its input unsorted and is NaN for no samples', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
    expect(median([])).toBeNaN();
  });
});

describe('percentileOfSorted', () => {
  const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it('is the nearest-rank percentile', () => {
    expect(percentileOfSorted(hundred, 50)).toBe(50);
    expect(percentileOfSorted(hundred, 99)).toBe(99);
    expect(percentileOfSorted(hundred, 100)).toBe(100);
    expect(percentileOfSorted([7, 9], 50)).toBe(7);
    expect(percentileOfSorted([7, 9], 51)).toBe(9);
  });

  it('stays inside the samples at the ends, and is NaN for none', () => {
    expect(percentileOfSorted(hundred, 0)).toBe(1);
    expect(percentileOfSorted([], 50)).toBeNaN();
  });
});

describe('ratioOf', () => {
  it('divides by the baseline, and has no ratio without a usable baseline', () => {
    expect(ratioOf(30, 120)).toBe(0.25);
    expect(ratioOf(30, 0)).toBeUndefined();
    expect(ratioOf(undefined, 1)).toBeUndefined();
    expect(ratioOf(Number.NaN, 1)).toBeUndefined();
  });
});
