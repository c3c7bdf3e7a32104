import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { resolveGuardrailTarget } from '../config/guardrail-target';
import { ExitCode } from '../errors';
import { GuardrailChecker } from '../guardrail/guardrail-checker';
import { BUILT_IN_PROMPTS_FILE, builtInPromptList, loadPromptList } from '../guardrail/prompt-list';
import { resolveAwsSettings, sdkClientConfig } from '../network/aws-settings';
import { EndpointGuard } from '../network/endpoint-guard';
import { TIMEOUT_HELP } from '../network/network-timeouts';
import { truncate } from '../output/format';
import { Style } from '../output/style';
import type { CliIo, Command, GuardrailCheckReport, PromptCheckResult } from '../types';
import { AWS_HELP, AWS_OPTIONS, COMMON_OPTIONS, expectSubcommand, parseCommandArgs } from './args';

const OPTIONS = {
  ...COMMON_OPTIONS,
  prompts: { type: 'string' },
  'guardrail-id': { type: 'string' },
  'guardrail-version': { type: 'string' },
  env: { type: 'string' },
  ...AWS_OPTIONS,
  json: { type: 'boolean' },
} as const;

const HELP = `Usage: order-agent guardrail check [options]

Runs a list of prompts through the deployed guardrail version with ApplyGuardrail (source INPUT, as the agent
applies it to each user message) and checks each verdict: on-topic prompts (order ids, full addresses, return
reasons) must get through, masking an e-mail address or phone number allowed; off-topic prompts must be
blocked. One line per prompt on stdout, then a summary.

Prompts:
  --prompts FILE             A prompt list: { "onTopic": [{ "prompt", "covers"? }],
                             "offTopic": [{ "prompt", "topic"? }] }. Default: the built-in list
                             (${BUILT_IN_PROMPTS_FILE}).

Target:
  --guardrail-id ID          Default: $ORDER_AGENT_GUARDRAIL_ID, else the deploy outputs file (guardrail_id).
  --guardrail-version N      Default: $ORDER_AGENT_GUARDRAIL_VERSION, else the deploy outputs file
                             (guardrail_version: the version the agent applies).
  --env NAME                 Which stack of the deploy outputs file: dev, prod or a full stack name.
                             Default: $ORDER_AGENT_ENV, else the only stack in the file.
  --region REGION            Default: the deploy outputs file's region when it supplied an id, else the SDK's
                             chain ($AWS_REGION, then your profile).
${AWS_HELP}

${TIMEOUT_HELP}

Output:
  --json                     One JSON object on stdout: { guardrailId, guardrailVersion, promptsFile, summary,
                             results: [{ side, prompt, covers?, topic?, outcome, blockedBy, maskedBy, passed }] }.
  --no-color                 No ANSI colours (also $NO_COLOR).
  --debug                    Print stack traces with errors.
  -h, --help                 Show this help.

Credentials and endpoint follow the AWS SDK's standard configuration ($AWS_PROFILE, $AWS_ACCESS_KEY_ID...,
$AWS_ENDPOINT_URL_BEDROCK_RUNTIME). The caller needs bedrock:ApplyGuardrail on the guardrail.

Exit codes: 0 every prompt as expected, 8 an on-topic prompt was blocked or an off-topic one got through,
2 usage (flags, prompt list), 3 configuration (ids, region, credentials, unknown guardrail or version),
4 access denied, 5 throttled, 6 validation, 1 other failure.

Examples:
  order-agent guardrail check
  order-agent guardrail check --env prod --json | jq '.results[] | select(.passed | not)'
  order-agent guardrail check --prompts my-prompts.json --guardrail-id abc123xyz --guardrail-version 3`;

export const guardrailCommand: Command = {
  name: 'guardrail',
  summary: 'Guardrail: check on-topic prompts pass and off-topic prompts are blocked (ApplyGuardrail)',
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('guardrail', argv, OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.OK;
    }
    expectSubcommand('guardrail', positionals, 'check');
    const aws = resolveAwsSettings(values, io.env);
    const list = values.prompts === undefined ? builtInPromptList() : loadPromptList(values.prompts, io.cwd);
    const target = resolveGuardrailTarget(
      {
        guardrailId: values['guardrail-id'],
        guardrailVersion: values['guardrail-version'],
        env: values.env,
        region: values.region,
      },
      io,
    );
    const client = new BedrockRuntimeClient(sdkClientConfig(aws, target.region));
    EndpointGuard.install(client, aws.timeouts, { limitResponses: true });
    const style = Style.for(io, 'stdout');
    const json = values.json === true;
    try {
      const results = await new GuardrailChecker(client, target).check(list.prompts, (result) => {
        if (!json) io.stdout.write(`${resultLine(result, style)}\n`);
      });
      const failed = results.filter((result) => !result.passed).length;
      const report: GuardrailCheckReport = {
        guardrailId: target.guardrailId,
        guardrailVersion: target.guardrailVersion,
        promptsFile: list.source,
        summary: { prompts: results.length, passed: results.length - failed, failed },
        results,
      };
      io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `\n${summaryLine(report, style)}\n`);
      return failed === 0 ? ExitCode.OK : ExitCode.EXPECTATIONS_FAILED;
    } finally {
      client.destroy();
    }
  },
};

/** `PASS  off-topic  blocked  Write a poem...  (topic Creative writing)` */
function resultLine(result: PromptCheckResult, style: Style): string {
  const mark = result.passed ? style.green('PASS') : style.red('FAIL');
  const why = [
    ...result.blockedBy.map((p) => `blocked by ${p}`),
    ...result.maskedBy.map((p) => `masked ${p}`),
  ];
  const expected = result.passed ? '' : result.side === 'on-topic' ? ' (must pass)' : ' (must be blocked)';
  const note = why.length > 0 ? style.dim(`  [${why.join(', ')}]`) : '';
  return `${mark}  ${result.side.padEnd(9)}  ${result.outcome.padEnd(7)}${expected}  ${truncate(result.prompt, 100)}${note}`;
}

function summaryLine(report: GuardrailCheckReport, style: Style): string {
  const { prompts, passed, failed } = report.summary;
  const count = (side: string, outcome: (r: PromptCheckResult) => boolean) =>
    report.results.filter((r) => r.side === side && outcome(r)).length;
  const where = `guardrail ${report.guardrailId} version ${report.guardrailVersion}`;
  if (failed === 0) return style.green(`PASSED: ${passed}/${prompts} prompts as expected on ${where}`);
  const blockedOnTopic = count('on-topic', (r) => !r.passed);
  const passedOffTopic = count('off-topic', (r) => !r.passed);
  return style.red(
    `FAILED: ${failed}/${prompts} prompts not as expected on ${where}: ${blockedOnTopic} on-topic blocked, ${passedOffTopic} off-topic not blocked`,
  );
}
