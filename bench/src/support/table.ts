import type { BenchRow, Unit } from './results';

const HEADERS = ['Suite', 'Measure', 'Value', 'Baseline (same run)', 'Ratio', 'Target', 'Met'] as const;

/** A figure with its unit, rounded to what the measurement can tell. */
export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ops/s':
    case 'events/s':
      return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
    case 'KiB':
    case 'ms':
      return `${value.toFixed(value < 100 ? 1 : 0)} ${unit}`;
    case 'MB':
      return `${value.toFixed(0)} ${unit}`;
    case 's':
      return `${value.toFixed(2)} ${unit}`;
    case 'µs':
      return `${value.toFixed(2)} ${unit}`;
  }
}

function cells(row: BenchRow): string[] {
  const met = row.target?.met;
  return [
    row.suite,
    row.note && row.value === undefined ? `${row.measure} (${row.note})` : row.measure,
    formatValue(row.value, row.unit),
    row.baseline ? `${row.baseline.label}: ${formatValue(row.baseline.value, row.unit)}` : '',
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`,
    row.target?.text ?? '',
    row.target === undefined ? '' : met === undefined ? '?' : met ? 'yes' : 'NO',
  ];
}

/** The rows as a Markdown table, padded so it also reads well in a terminal. */
export function renderTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...body.map((line) => line[i]!.length)));
  const line = (values: readonly string[]) =>
    `| ${values.map((value, i) => value.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(HEADERS), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/** Notes of rows that carry one and a value (rows without a value show theirs inline). */
export function renderNotes(rows: readonly BenchRow[]): string {
  return rows
    .filter((row) => row.note && row.value !== undefined)
    .map((row) => `- ${row.suite} / ${row.measure}: ${row.note}`)
    .join('\n');
}
