import { UsageError } from '../errors';
import type { SyncOptions } from '../knowledge-base/ingestion-sync';
import { type AwsSettings, resolveAwsSettings } from '../network/aws-settings';
import { TIMEOUT_HELP } from '../network/network-timeouts';
import { AWS_HELP, AWS_OPTIONS, COMMON_OPTIONS, expectSubcommand, parseCommandArgs } from './args';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...AWS_OPTIONS,
  'knowledge-base-id': { type: 'string' },
  'data-source-id': { type: 'string' },
  env: { type: 'string' },
  'poll-interval': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const DEFAULT_POLL_SECONDS = 5;
const DEFAULT_TIMEOUT_SECONDS = 900;

export const KB_HELP = `Usage: order-agent kb sync [options]

Starts an ingestion job for the knowledge base's data source (Bedrock reads the documents bucket, embeds
new and changed documents, removes deleted ones) and follows it until it ends. Progress goes to stderr; the
statistics (scanned, new and modified indexed, deleted, failed) go to stdout. If a job is already running
for the data source, that job is followed instead of starting a second one.

Target (each: the flag, else its variable, else the deploy outputs file):
  --knowledge-base-id ID  Else $ORDER_AGENT_KNOWLEDGE_BASE_ID, else the outputs' knowledge_base_id.
  --data-source-id ID     Else $ORDER_AGENT_DATA_SOURCE_ID, else the outputs' data_source_id.
  --env NAME              Which stack of the deploy outputs file to use: dev, prod, or a full stack name
                          (order-agent-dev). Else $ORDER_AGENT_ENV, else the only stack in the file.
  --region REGION         AWS region. Else the outputs file's region when it supplied an id, else the
                          SDK's chain ($AWS_REGION, then your profile).
${AWS_HELP}

Waiting:
  --poll-interval S       Seconds between status checks (default ${DEFAULT_POLL_SECONDS}; fractions allowed).
  --timeout S             Give up waiting for the job after S seconds (default ${DEFAULT_TIMEOUT_SECONDS}); the job
                          itself keeps running.

${TIMEOUT_HELP}

Output:
  --json                  Print one JSON object to stdout at the end: { knowledgeBaseId, dataSourceId,
                          ingestionJobId, status, statistics, failureReasons, startedAt, updatedAt,
                          elapsedSeconds, followedRunningJob, error? }.
  --no-color              No ANSI colours (also $NO_COLOR).
  --debug                 Print stack traces with errors.
  -h, --help              Show this help.

The deploy outputs file is $ORDER_AGENT_OUTPUTS_FILE, else the nearest deploy-outputs.json from the
current directory up to the repository root: { "<stack>": { "knowledge_base_id": ..., "data_source_id": ...,
"region": ... } }. Credentials follow the AWS SDK's standard configuration ($AWS_PROFILE, $AWS_ACCESS_KEY_ID...);
the endpoint is --endpoint-url, else $AWS_ENDPOINT_URL_BEDROCK_AGENT, else $AWS_ENDPOINT_URL.

Exit codes: 0 the job completed with no failed documents, 1 timed out, stopped, network or other failure,
2 usage, 3 configuration (ids, region, credentials, unknown knowledge base or data source), 4 access denied,
5 throttled, 6 validation, 7 the job failed or some documents failed to index.

Examples:
  order-agent kb sync
  order-agent kb sync --env prod --timeout 1800
  order-agent kb sync --json | jq .statistics`;

/** What `kb sync` was asked to do; `help` means print {@link KB_HELP} and stop. */
export type KbSyncRequest =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly ids: { readonly knowledgeBaseId?: string; readonly dataSourceId?: string };
      readonly env?: string;
      readonly region?: string;
      readonly aws: AwsSettings;
      readonly sync: SyncOptions;
    };

/** Parses `kb ...`; every mistake is a usage error. */
export function parseKbSyncArgs(
  argv: string[],
  env: Readonly<Record<string, string | undefined>>,
): KbSyncRequest {
  const { values, positionals } = parseCommandArgs('kb', argv, OPTIONS);
  if (values.help) return { help: true };
  expectSubcommand('kb', positionals, 'sync');
  return {
    help: false,
    ids: { knowledgeBaseId: values['knowledge-base-id'], dataSourceId: values['data-source-id'] },
    ...(values.env !== undefined ? { env: values.env } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
    aws: resolveAwsSettings(values, env),
    sync: {
      pollMs: secondsFlag('poll-interval', values['poll-interval'], DEFAULT_POLL_SECONDS) * 1000,
      timeoutMs: secondsFlag('timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS) * 1000,
      json: values.json === true,
    },
  };
}

function secondsFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(number > 0) || number > 86_400) {
    throw new UsageError(`--${name} must be a number of seconds above 0 and at most 86400, got "${value}"`);
  }
  return number;
}
