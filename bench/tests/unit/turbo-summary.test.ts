import { parseTurboSummary } from '../../src/suites/build';

describe('parseTurboSummary', () => {
  it('reads a full cache hit', () => {
    const output = `@order-agent/cli:build: cache hit, replaying logs 59ca1ea4acbbf6ff

 Tasks:    4 successful, 4 total
Cached:    4 cached, 4 total
  Time:    41ms >>> FULL TURBO
`;
    expect(parseTurboSummary(output)).toEqual({ successful: 4, total: 4, cached: 4, fullTurbo: true });
  });

  it('reads a cold run through ANSI colours', () => {
    const esc = String.fromCharCode(27);
    const output = ` Tasks:    ${esc}[32m${esc}[1m4 successful${esc}[0m, 4 total\nCached:    0 cached, 4 total\n  Time:    1.896s \n`;
    expect(parseTurboSummary(output)).toEqual({ successful: 4, total: 4, cached: 0, fullTurbo: false });
  });

  it('answers undefined when there is no summary (turbo failed early)', () => {
    expect(parseTurboSummary('x Missing tasks in project\n')).toBeUndefined();
  });
});
