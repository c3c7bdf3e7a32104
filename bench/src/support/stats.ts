/** Small statistics for benchmark samples. Every function copies its input; none sorts in place. */

/** The middle value (the mean of the two middle values for an even count); NaN for no samples. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The nearest-rank percentile (`p` in 0..100) of samples already sorted ascending: the smallest value with at
 * least p% of the samples at or below it. NaN for no samples.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** `value / baseline`, or undefined when either is not a finite number or the baseline is 0. */
export function ratioOf(value: number | undefined, baseline: number | undefined): number | undefined {
  if (value === undefined || baseline === undefined) return undefined;
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return undefined;
  return value / baseline;
}
