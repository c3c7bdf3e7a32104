import { row, Unit, unmeasured } from '../../src/support/results';
import { formatValue, renderTable } from '../../src/support/table';

describe('row', () => {
  it('computes the ratio to the baseline and holds it to a ratio target', () => {
    const synth = row({
      suite: 'synth',
      measure: 'wall time',
      value: 0.6,
      unit: Unit.S,
      baseline: { label: 'provider root', value: 3 },
      target: { kind: 'ratio-below', limit: 0.3 },
    });
    expect(synth.ratio).toBeCloseTo(0.2);
    expect(synth.target).toEqual({ text: '< 0.3x', met: true });
  });

  it('holds a value target on the value itself, whatever the ratio', () => {
    const rss = row({
      suite: 'synth',
      measure: 'peak RSS',
      value: 151,
      unit: Unit.MB,
      baseline: { label: 'provider root', value: 520 },
      target: { kind: 'value-below', limit: 150 },
    });
    expect(rss.target).toEqual({ text: '< 150 MB', met: false });
  });

  it('treats "at least" and "at most" targets as inclusive', () => {
    const same = {
      suite: 's',
      measure: 'm',
      value: 10,
      unit: Unit.EVENTS_PER_S,
      baseline: { label: 'b', value: 10 },
    };
    expect(row({ ...same, target: { kind: 'ratio-at-least', limit: 1 } }).target?.met).toBe(true);
    expect(row({ ...same, target: { kind: 'ratio-at-most', limit: 1 } }).target?.met).toBe(true);
  });

  it('leaves "met" open for a figure that could not be measured', () => {
    const missing = unmeasured('synth', 'wall time', Unit.S, 'infra not built', {
      kind: 'ratio-below',
      limit: 0.3,
    });
    expect(missing.value).toBeUndefined();
    expect(missing.ratio).toBeUndefined();
    expect(missing.target).toEqual({ text: '< 0.3x', met: undefined });
  });
});

describe('renderTable', () => {
  it('prints one aligned Markdown line per row, the baseline beside the value', () => {
    const table = renderTable([
      row({
        suite: 'cold start',
        measure: 'time to first answer',
        value: 98.25,
        unit: Unit.MS,
        baseline: { label: 'node -e 0', value: 51.5 },
        target: { kind: 'ratio-below', limit: 2 },
      }),
      unmeasured('synth', 'wall time', Unit.S, 'infra not built'),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[2]).toMatch(
      /\| cold start +\| time to first answer +\| 98\.3 ms +\| node -e 0: 51\.5 ms +\| 1\.91x \| < 2x +\| yes \|/,
    );
    expect(lines[3]).toContain('wall time (infra not built)');
  });

  it('formats each unit to a sensible precision', () => {
    expect(formatValue(1234567.8, Unit.OPS_PER_S)).toBe('1,234,568 ops/s');
    expect(formatValue(264.83, Unit.KIB)).toBe('265 KiB');
    expect(formatValue(0.8234, Unit.US)).toBe('0.82 µs');
    expect(formatValue(undefined, Unit.S)).toBe('—');
  });
});
