import type { Style } from '../output/style';
import type { EvalReport } from '../types';

const EXPECTATION_WIDTH = 64;

/** The eval result as a table (one row per expectation, failures explained underneath) and a summary line. */
export function renderReportTable(report: EvalReport, style: Style): string {
  const rows: Array<{
    scenario: string;
    turn: string;
    expectation: string;
    passed: boolean;
    detail: string;
  }> = [];
  for (const scenario of report.scenarios) {
    scenario.turns.forEach((turn, index) => {
      for (const check of turn.expectations) {
        rows.push({
          scenario: scenario.name,
          turn: String(index + 1),
          expectation: clip(check.expectation, EXPECTATION_WIDTH),
          passed: check.passed,
          detail: check.detail,
        });
      }
    });
  }
  const scenarioWidth = Math.max('SCENARIO'.length, ...rows.map((row) => row.scenario.length));
  const expectationWidth = Math.max('EXPECTATION'.length, ...rows.map((row) => row.expectation.length));
  const line = (scenario: string, turn: string, expectation: string, result: string) =>
    `${scenario.padEnd(scenarioWidth)}  ${turn.padEnd(4)}  ${expectation.padEnd(expectationWidth)}  ${result}`;

  const out = [style.bold(line('SCENARIO', 'TURN', 'EXPECTATION', 'RESULT'))];
  for (const row of rows) {
    out.push(
      line(row.scenario, row.turn, row.expectation, row.passed ? style.green('PASS') : style.red('FAIL')),
    );
    if (!row.passed && row.detail) out.push(style.dim(`${' '.repeat(scenarioWidth + 8)}↳ ${row.detail}`));
  }
  const { summary } = report;
  const failedScenarios = summary.scenarios - summary.scenariosPassed;
  const verdict = failedScenarios === 0 ? style.green('PASSED') : style.red('FAILED');
  out.push('');
  out.push(
    `${verdict}: ${summary.scenariosPassed}/${summary.scenarios} scenarios passed, ` +
      `${summary.expectationsPassed}/${summary.expectations} expectations passed`,
  );
  return out.join('\n');
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
