import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AgentInvoker } from '../agent/agent-invoker';
import {
  createAgentRuntime,
  DEFAULT_MAX_RETRIES,
  retryPolicy,
  runtimeProblems,
} from '../agent/runtime-client';
import { TraceRenderer } from '../agent/trace-renderer';
import { resolveAgentTarget } from '../config/agent-target';
import { ConfigError, ExitCode, UsageError } from '../errors';
import { renderJunitReport } from '../eval/junit-report';
import { renderReportTable } from '../eval/report-table';
import { loadScenario, scenarioFiles } from '../eval/scenario-loader';
import { ScenarioRunner } from '../eval/scenario-runner';
import { resolveAwsSettings } from '../network/aws-settings';
import { TIMEOUT_HELP } from '../network/network-timeouts';
import { Style } from '../output/style';
import { OperationCatalog } from '../schema/operation-catalog';
import type { CliIo, Command, EvalReport, ScenarioResult } from '../types';
import {
  AWS_HELP,
  COMMON_OPTIONS,
  CUSTOMER_HELP,
  CUSTOMER_OPTIONS,
  customerIdOption,
  integerFlag,
  parseCommandArgs,
  TARGET_OPTIONS,
} from './args';

const DEFAULT_REPORT = 'eval-report.json';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...TARGET_OPTIONS,
  ...CUSTOMER_OPTIONS,
  report: { type: 'string' },
  junit: { type: 'string' },
  json: { type: 'boolean' },
  trace: { type: 'boolean' },
} as const;

const HELP = `Usage: order-agent eval [options] SCENARIO...

Plays conversation scenarios against the deployed agent alias (a new session per scenario, traces on),
checks each turn's expectations, prints a pass/fail table and a summary, and writes a JSON report.
SCENARIO is a YAML or JSON file, or a directory of them (e.g. apps/cli/scenarios).

Options:
  --customer-id ID     ${CUSTOMER_HELP}
                       A scenario's own customerId wins.
  --report PATH        Where to write the JSON report (default ${DEFAULT_REPORT}, relative to the
                       current directory).
  --junit FILE         Also write the results as JUnit XML (a testsuite per scenario, a testcase per
                       expectation), for CI.
  --json               Print the report (as written to --report) to stdout instead of the table.
  --trace              Also render every turn's orchestration on stderr.
  --agent-id ID, --alias-id ID, --env NAME, --region REGION
                       Which agent alias, as for "order-agent invoke" (flags, then $ORDER_AGENT_AGENT_ID /
                       $ORDER_AGENT_ALIAS_ID / $ORDER_AGENT_ENV, then the deploy outputs file).
${AWS_HELP}
  --max-retries N      Retries when throttled before a turn's answer arrived (default ${DEFAULT_MAX_RETRIES}).
  --no-color           No ANSI colours (also $NO_COLOR).
  --debug              Print stack traces with errors.
  -h, --help           Show this help.

${TIMEOUT_HELP}

Before the first scenario, eval checks the region, the credentials, that the agent runtime endpoint accepts a
connection, and that the report files can be written; any problem is one line each, exit 3, nothing run.

Scenario file (YAML; the same keys in JSON):
  name: Return with confirmation            # required
  description: Optional words for humans.
  customerId: CUST-1001                     # the signed-in customer it runs as (session attribute)
  turns:                                    # required, played in order on one session
    - user: I want to return ORD-1001, it arrived damaged.
      confirm: yes                          # answer if the agent asks for confirmation: yes | no
      expect:                               # every key optional; each is one checked expectation
        called:                             # these operations ran (not denied), with these parameters
          - operation: initiateReturn       #   (a subset; path, query and body values, compared as text)
            parameters: { orderId: ORD-1001 }
        notCalled: [updateShippingAddress]  # these did not run (a denied confirmation did not run)
        confirmationRequested: initiateReturn
        answerContains: [RET-]              # case-insensitive substrings (a string or a list)
        answerNotContains: [error]
        knowledgeBaseUsed: false            # true: a knowledge base lookup happened; false: none did
        guardrailIntervened: false          # false: no guardrail intervention

A turn that ends in an error fails ("turn completes without error") and skips the scenario's later turns.
If the agent asks for a confirmation in a turn without "confirm", it is denied and the turn fails.

Report (JSON): { startedAt, finishedAt, agentId, agentAliasId,
  summary: { scenarios, scenariosPassed, expectations, expectationsPassed },
  scenarios: [ { name, file, sessionId, customerId?, passed, turns: [ { user, answer, actionCalls,
    knowledgeBaseLookups, confirmations, guardrailInterventions, usage, durationMs, error?,
    expectations: [ { expectation, passed, detail } ] } ] } ] }

Exit codes: 0 every expectation passed, 8 at least one failed, 2 bad arguments or scenario file,
3 configuration (ids, region, credentials, endpoint, report path; nothing was run), 1 other failure.

Example:
  order-agent eval apps/cli/scenarios --report eval-report.json --junit eval-junit.xml`;

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Run conversation scenarios against the agent and report pass/fail per expectation',
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('eval', argv, OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.OK;
    }
    if (positionals.length === 0)
      throw new UsageError('missing SCENARIO: give scenario files or a directory');
    const maxRetries = integerFlag('max-retries', values['max-retries'], DEFAULT_MAX_RETRIES, 10);
    const aws = resolveAwsSettings(values, io.env);
    const retry = retryPolicy(maxRetries, io);
    const defaultCustomerId = customerIdOption(values['customer-id'], io.env);
    const catalog = OperationCatalog.orderManagement();
    const files = scenarioFiles(positionals, io.cwd);
    if (files.length === 0)
      throw new UsageError(`no .yaml, .yml or .json scenario files in ${positionals.join(', ')}`);
    const scenarios = files.map((file) => loadScenario(file, io.cwd, catalog));
    const target = resolveAgentTarget(
      { agentId: values['agent-id'], aliasId: values['alias-id'], env: values.env, region: values.region },
      io,
    );
    const reportPath = resolve(io.cwd, values.report ?? DEFAULT_REPORT);
    const junitPath = values.junit === undefined ? undefined : resolve(io.cwd, values.junit);
    const runtime = createAgentRuntime(target, aws);
    // Everything a scenario needs, checked before the first one: a setup mistake is not a regression.
    const problems = [
      ...(await runtimeProblems(runtime, target, { endpoint: true })),
      ...[reportPath, ...(junitPath ? [junitPath] : [])].flatMap(unwritable),
    ];
    if (problems.length > 0) {
      runtime.client.destroy();
      throw ConfigError.of(problems);
    }

    const errStyle = Style.for(io, 'stderr');
    const renderer = values.trace
      ? new TraceRenderer((line) => io.stderr.write(`${line}\n`), catalog, errStyle)
      : undefined;
    const invoker = new AgentInvoker(runtime, target, catalog, retry);
    const runner = new ScenarioRunner(
      invoker,
      catalog,
      renderer,
      ({ attempt, maxRetries: max, delayMs, reason }) =>
        io.stderr.write(
          `${errStyle.dim(`${reason}: retrying in ${delayMs} ms (retry ${attempt} of ${max})`)}\n`,
        ),
    );
    const startedAt = new Date().toISOString();
    const results: ScenarioResult[] = [];
    try {
      for (const scenario of scenarios) {
        const result = await runner.run(scenario, defaultCustomerId);
        results.push(result);
        const verdict = result.passed ? errStyle.green('pass') : errStyle.red('FAIL');
        io.stderr.write(`${verdict}  ${scenario.name} (${scenario.file})\n`);
      }
    } finally {
      runtime.client.destroy();
    }

    const checks = results.flatMap((result) => result.turns.flatMap((turn) => turn.expectations));
    const report: EvalReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      agentId: target.agentId,
      agentAliasId: target.agentAliasId,
      summary: {
        scenarios: results.length,
        scenariosPassed: results.filter((result) => result.passed).length,
        expectations: checks.length,
        expectationsPassed: checks.filter((check) => check.passed).length,
      },
      scenarios: results,
    };
    writeReport(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    if (junitPath) writeReport(junitPath, renderJunitReport(report));
    if (values.json) {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      io.stdout.write(`${renderReportTable(report, Style.for(io, 'stdout'))}\n`);
      io.stdout.write(`Report written to ${reportPath}${junitPath ? ` (JUnit: ${junitPath})` : ''}\n`);
    }
    return report.summary.scenariosPassed === report.summary.scenarios ? ExitCode.OK : ExitCode.EVAL_FAILED;
  },
};

/** Why `path` cannot be written, or nothing: its directory must exist and be writable, and so must the file. */
function unwritable(path: string): string[] {
  const directory = dirname(path);
  if (!existsSync(directory)) return [`cannot write ${path}: directory ${directory} does not exist`];
  try {
    if (existsSync(path) && statSync(path).isDirectory()) return [`cannot write ${path}: it is a directory`];
    accessSync(existsSync(path) ? path : directory, constants.W_OK);
    return [];
  } catch (error) {
    return [`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`];
  }
}

function writeReport(path: string, content: string): void {
  try {
    writeFileSync(path, content);
  } catch (error) {
    throw new ConfigError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
