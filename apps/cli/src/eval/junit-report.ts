import type { EvalReport } from '../types';

/**
 * The eval report as JUnit XML, the format CI systems read: one testsuite per scenario, one testcase per
 * expectation (named `turn N: expectation`), a failure element with the detail for each one that failed, and
 * an error testcase for a turn that ended in an error.
 */
export function renderJunitReport(report: EvalReport): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const suites = report.scenarios.map((scenario) => {
    const cases: string[] = [];
    let failures = 0;
    let errors = 0;
    scenario.turns.forEach((turn, index) => {
      const turnName = `turn ${index + 1}`;
      if (turn.error !== undefined) {
        errors += 1;
        cases.push(
          `    <testcase classname="${xml(scenario.name)}" name="${xml(`${turnName}: completes without error`)}" time="${seconds(turn.durationMs)}">\n` +
            `      <error message="${xml(turn.error)}"/>\n    </testcase>`,
        );
      }
      for (const check of turn.expectations) {
        const open = `    <testcase classname="${xml(scenario.name)}" name="${xml(`${turnName}: ${check.expectation}`)}" time="${seconds(turn.durationMs)}"`;
        if (check.passed) {
          cases.push(`${open}/>`);
        } else {
          failures += 1;
          cases.push(`${open}>\n      <failure message="${xml(check.detail)}"/>\n    </testcase>`);
        }
      }
    });
    const time = scenario.turns.reduce((total, turn) => total + turn.durationMs, 0);
    return (
      `  <testsuite name="${xml(scenario.name)}" file="${xml(scenario.file)}" tests="${cases.length}" ` +
      `failures="${failures}" errors="${errors}" time="${seconds(time)}">\n${cases.join('\n')}\n  </testsuite>`
    );
  });
  const { expectations, expectationsPassed } = report.summary;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="order-agent eval" tests="${expectations}" failures="${expectations - expectationsPassed}" ` +
    `timestamp="${xml(report.startedAt)}">\n${suites.join('\n')}\n</testsuites>\n`
  );
}

/** Text for an XML attribute: markup escaped and control characters (not allowed in XML 1.0) dropped. */
function xml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\n/g, '&#10;')
  );
}
