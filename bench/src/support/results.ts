import { ratioOf } from './stats';

/** Units the bench reports in. */
export const Unit = {
  MS: 'ms',
  S: 's',
  US: 'µs',
  MB: 'MB',
  KIB: 'KiB',
  OPS_PER_S: 'ops/s',
  EVENTS_PER_S: 'events/s',
} as const;
export type Unit = (typeof Unit)[keyof typeof Unit];

/** What a figure is held to: its ratio to the baseline, or its own value. */
export interface Target {
  readonly kind: 'ratio-below' | 'ratio-at-least' | 'ratio-at-most' | 'value-below';
  readonly limit: number;
}

/** One line of the table (and of results.json). */
export interface BenchRow {
  readonly suite: string;
  readonly measure: string;
  /** Absent when the figure could not be measured; `note` says why. */
  readonly value?: number;
  readonly unit: Unit;
  /** The same kind of figure for the reference, measured in the same run. */
  readonly baseline?: { readonly label: string; readonly value: number };
  /** value / baseline.value. */
  readonly ratio?: number;
  readonly target?: { readonly text: string; readonly met: boolean | undefined };
  readonly note?: string;
}

export interface RowInput {
  readonly suite: string;
  readonly measure: string;
  readonly value: number | undefined;
  readonly unit: Unit;
  readonly baseline?: { readonly label: string; readonly value: number };
  readonly target?: Target;
  readonly note?: string;
}

/** Builds a row: the ratio from value and baseline, and whether the target is met. */
export function row(input: RowInput): BenchRow {
  const ratio = ratioOf(input.value, input.baseline?.value);
  const { target, ...rest } = input;
  return {
    ...rest,
    ...(ratio === undefined ? {} : { ratio }),
    ...(target
      ? { target: { text: targetText(target, input.unit), met: isMet(target, input.value, ratio) } }
      : {}),
  };
}

/** A row for a measurement that could not be made (a missing build, a failed command). */
export function unmeasured(
  suite: string,
  measure: string,
  unit: Unit,
  note: string,
  target?: Target,
): BenchRow {
  return row({ suite, measure, value: undefined, unit, note, ...(target ? { target } : {}) });
}

function targetText(target: Target, unit: Unit): string {
  switch (target.kind) {
    case 'ratio-below':
      return `< ${target.limit}x`;
    case 'ratio-at-least':
      return `>= ${target.limit}x`;
    case 'ratio-at-most':
      return `<= ${target.limit}x`;
    case 'value-below':
      return `< ${target.limit} ${unit}`;
  }
}

function isMet(target: Target, value: number | undefined, ratio: number | undefined): boolean | undefined {
  const subject = target.kind === 'value-below' ? value : ratio;
  if (subject === undefined || !Number.isFinite(subject)) return undefined;
  switch (target.kind) {
    case 'ratio-below':
    case 'value-below':
      return subject < target.limit;
    case 'ratio-at-least':
      return subject >= target.limit;
    case 'ratio-at-most':
      return subject <= target.limit;
  }
}
