import { explainMisses, parseTurboSummary } from '../../src/suites/build';

describe('parseTurboSummary', () => {
  it('reads a full cache hit', () => {
    const output = `@order-agent/cli:build: cache hit, replaying logs 59ca1ea4acbbf6ff

 Tasks:    4 successful, 4 total
Cached:    4 cached, 4 total
  Time:    41ms >>> FULL TURBO
`;
    expect(parseTurboSummary(output)).toEqual({
      successful: 4,
      total: 4,
      cached: 4,
      fullTurbo: true,
      tasks: { '@order-agent/cli:build': { outcome: 'hit', hash: '59ca1ea4acbbf6ff' } },
    });
  });

  it('reads a cold run through ANSI colours', () => {
    const esc = String.fromCharCode(27);
    const output = ` Tasks:    ${esc}[32m${esc}[1m4 successful${esc}[0m, 4 total\nCached:    0 cached, 4 total\n  Time:    1.896s \n`;
    expect(parseTurboSummary(output)).toMatchObject({ successful: 4, total: 4, cached: 0, fullTurbo: false });
  });

  it('answers undefined when there is no summary (turbo failed early)', () => {
    expect(parseTurboSummary('x Missing tasks in project\n')).toBeUndefined();
  });
});

describe('explainMisses', () => {
  const run = (tasks: string) =>
    parseTurboSummary(`${tasks}\n Tasks:    2 successful, 2 total\nCached:    1 cached, 2 total\n`)!;

  it('reads each task outcome and tells an input change from a cache that did not restore', () => {
    const cold = run(
      'a:build: cache bypass, force executing 1111111111111111\nb:build: cache bypass, force executing 2222222222222222',
    );
    const again = run(
      'a:build: cache miss, executing 3333333333333333\nb:build: cache miss, executing 2222222222222222',
    );
    expect(again.tasks).toEqual({
      'a:build': { outcome: 'miss', hash: '3333333333333333' },
      'b:build': { outcome: 'miss', hash: '2222222222222222' },
    });
    expect(explainMisses(cold, again)).toEqual([
      'a:build (its inputs changed between the two runs)',
      'b:build (same inputs, not restored from the cache)',
    ]);
  });
});
