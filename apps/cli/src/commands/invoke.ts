import { randomUUID } from 'node:crypto';
import { AgentInvoker, type TurnObserver } from '../agent/agent-invoker';
import { ConfirmationPrompt } from '../agent/confirmation-prompt';
import {
  createAgentRuntime,
  DEFAULT_MAX_RETRIES,
  retryPolicy,
  runtimeProblems,
} from '../agent/runtime-client';
import { TraceRenderer } from '../agent/trace-renderer';
import { TurnRecorder } from '../agent/turn-recorder';
import { resolveAgentTarget } from '../config/agent-target';
import { type CliError, ConfigError, toCliError, UsageError } from '../errors';
import { resolveAwsSettings } from '../network/aws-settings';
import { TIMEOUT_HELP } from '../network/network-timeouts';
import { Style } from '../output/style';
import { OperationCatalog } from '../schema/operation-catalog';
import type { CliIo, Command } from '../types';
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

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...TARGET_OPTIONS,
  ...CUSTOMER_OPTIONS,
  'session-id': { type: 'string' },
  'end-session': { type: 'boolean' },
  trace: { type: 'boolean' },
  json: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  no: { type: 'boolean' },
} as const;

/** Bedrock's sessionId rule. */
const SESSION_ID = /^[0-9a-zA-Z._:-]{2,100}$/;
/** What --end-session sends when no TEXT is given (AWS's own examples send a short closing text). */
const END_SESSION_TEXT = 'end';

const HELP = `Usage: order-agent invoke [options] TEXT...

Sends TEXT to the order agent and streams its answer to stdout as it arrives.
TEXT may be several words (they are joined with spaces) or "-" to read it from stdin.

Agent:
  --agent-id ID        Agent id. Default: $ORDER_AGENT_AGENT_ID, else the deploy outputs file.
  --alias-id ID        Agent alias id. Default: $ORDER_AGENT_ALIAS_ID, else the deploy outputs file.
  --env NAME           Which stack of the deploy outputs file to use: dev, prod, or a full stack name
                       (order-agent-dev). Default: $ORDER_AGENT_ENV, else the only stack in the file.
  --region REGION      AWS region. Default: the deploy outputs file's region when it supplied an id,
                       else the SDK's chain ($AWS_REGION, then your profile).
${AWS_HELP}

Session:
  --customer-id ID     ${CUSTOMER_HELP}
                       Without one the agent can look up no order (it asks the customer to sign in).
  --session-id ID      Continue this conversation. Without it a new id is made and printed to stderr.
  --end-session        End the session with this request. TEXT is optional then (needs --session-id).

Output:
  --trace              Render the agent's orchestration on stderr: rationale, action calls with operation
                       and parameters, observations, knowledge base lookups with sources, guardrail
                       interventions, failures and token usage.
  --json               Print one JSON object to stdout at the end instead of streaming the answer:
                       { sessionId, agentId, agentAliasId, answer, citations, actionCalls,
                         knowledgeBaseLookups, confirmations, guardrailInterventions, failures, usage,
                         sessionEnded, traces, error? }. Traces are always collected with --json.

Confirmation (operations the agent must confirm with the user, e.g. initiateReturn):
  (default)            Ask "Allow it? [y/N]" on the terminal. Without a terminal, fail (exit 2).
  -y, --yes            Confirm every request without asking.
  --no                 Deny every request without asking; the action is not run.

Other:
  --max-retries N      Retries when throttled before any answer arrived (default ${DEFAULT_MAX_RETRIES}; exponential
                       backoff from $ORDER_AGENT_RETRY_BASE_MS, default 1000 ms).
  --no-color           No ANSI colours (also $NO_COLOR).
  --debug              Print stack traces with errors.
  -h, --help           Show this help.

${TIMEOUT_HELP}

Credentials, region and endpoint follow the AWS SDK's standard configuration ($AWS_PROFILE,
$AWS_ACCESS_KEY_ID..., $AWS_REGION, $AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME).

Exit codes: 0 ok, 1 network (timeout, unreachable) or other failure, 2 usage, 3 configuration (ids, region, credentials, unknown agent),
4 access denied, 5 throttled, 6 validation, 7 dependency failure (action Lambda, knowledge base).

Examples:
  order-agent invoke --customer-id CUST-1001 "Where is my order ORD-1001?"
  order-agent invoke --session-id 5f0c... --trace "Please return it, it arrived damaged"
  order-agent invoke --json --no "Return ORD-1003" | jq .actionCalls
  order-agent invoke --session-id 5f0c... --end-session`;

export const invokeCommand: Command = {
  name: 'invoke',
  summary: 'Talk to the agent: stream its answer, show traces, answer confirmations',
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('invoke', argv, OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (values.yes && values.no) throw new UsageError('--yes and --no cannot be used together');
    let text = positionals.join(' ').trim();
    if (text === '-') text = (await readAll(io.stdin)).trim();
    const endSession = values['end-session'] === true;
    let sessionId = values['session-id'];
    if (sessionId !== undefined && !SESSION_ID.test(sessionId)) {
      throw new UsageError('--session-id must be 2-100 characters of letters, digits, ".", "_", ":" or "-"');
    }
    if (!text && !endSession)
      throw new UsageError('missing TEXT: what should the agent be asked? (see --help)');
    if (!text && !sessionId) throw new UsageError('--end-session without TEXT needs --session-id');
    const maxRetries = integerFlag('max-retries', values['max-retries'], DEFAULT_MAX_RETRIES, 10);
    const aws = resolveAwsSettings(values, io.env);
    const retry = retryPolicy(maxRetries, io);
    const customerId = customerIdOption(values['customer-id'], io.env);

    const target = resolveAgentTarget(
      { agentId: values['agent-id'], aliasId: values['alias-id'], env: values.env, region: values.region },
      io,
    );
    const json = values.json === true;
    const errStyle = Style.for(io, 'stderr');
    const catalog = OperationCatalog.orderManagement();
    const runtime = createAgentRuntime(target, aws);
    // Region and credentials first: a setup mistake is one line, not a session id and then an error.
    const problems = await runtimeProblems(runtime, target, { endpoint: false });
    if (problems.length > 0) {
      runtime.client.destroy();
      throw ConfigError.of(problems);
    }
    if (!sessionId) {
      sessionId = randomUUID();
      io.stderr.write(
        `${errStyle.dim(`session ${sessionId} (new; continue it with --session-id ${sessionId})`)}\n`,
      );
    }

    const recorder = new TurnRecorder(sessionId, catalog);
    const renderer = values.trace
      ? new TraceRenderer((line) => io.stderr.write(`${line}\n`), catalog, errStyle)
      : undefined;
    let printed = '';
    const observer: TurnObserver = {
      onSessionId: (id) => recorder.onSessionId(id),
      onText: (chunk) => {
        recorder.onText(chunk);
        if (!json) {
          io.stdout.write(chunk);
          printed += chunk;
        }
      },
      onCitations: (citations) => recorder.onCitations(citations),
      onTrace: (part) => {
        recorder.onTrace(part);
        renderer?.render(part);
      },
      onConfirmationRequested: (request) => recorder.onConfirmationRequested(request),
      onConfirmationAnswered: (request, answer) => recorder.onConfirmationAnswered(request, answer),
      onRetry: ({ attempt, maxRetries: max, delayMs, reason }) => {
        io.stderr.write(
          `${errStyle.dim(`${reason}: retrying in ${delayMs} ms (retry ${attempt} of ${max})`)}\n`,
        );
      },
    };

    const preset = values.yes ? 'CONFIRM' : values.no ? 'DENY' : undefined;
    const prompt = new ConfirmationPrompt(io, preset, errStyle);
    const invoker = new AgentInvoker(runtime, target, catalog, retry);
    let failure: CliError | undefined;
    try {
      await invoker.runTurn(
        {
          sessionId,
          inputText: text || END_SESSION_TEXT,
          endSession,
          enableTrace: values.trace === true || json,
          ...(customerId !== undefined ? { sessionAttributes: { customerId } } : {}),
        },
        observer,
        prompt.decide,
      );
    } catch (error) {
      failure = toCliError(error);
    } finally {
      prompt.close();
      runtime.client.destroy();
    }

    if (printed.length > 0 && !printed.endsWith('\n')) io.stdout.write('\n');
    const result = recorder.result();
    renderer?.renderUsage(result.usage);
    if (json) {
      const { sessionId: finalSessionId, ...details } = result;
      const output = {
        sessionId: finalSessionId,
        agentId: target.agentId,
        agentAliasId: target.agentAliasId,
        ...details,
        sessionEnded: endSession && !failure,
        ...(failure
          ? { error: { kind: failure.kind, exitCode: failure.exitCode, message: failure.message } }
          : {}),
      };
      io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    }
    if (failure) throw failure;
    if (endSession) io.stderr.write(`${errStyle.dim(`session ${result.sessionId} ended`)}\n`);
    return 0;
  },
};

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
