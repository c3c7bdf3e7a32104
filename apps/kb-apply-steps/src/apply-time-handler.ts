import { credentialsFromEnv } from './env-credentials';
import { RetryBudget } from './retry-budget';
import { createSignedSender, type SendRequest } from './signed-sender';
import type { CredentialSource, LifecycleAction, LogSink } from './types';

/** The part of the Lambda context the handler uses. */
export interface InvocationContext {
  getRemainingTimeInMillis(): number;
}

/** Options for the handlers; the defaults are what the deployed functions use. */
export interface HandlerOptions {
  /** @default credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN */
  readonly credentials?: CredentialSource;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default 1000 */
  readonly baseDelayMs?: number;
  /** @default 15000 */
  readonly maxDelayMs?: number;
  /** @default 10000 */
  readonly requestTimeoutMs?: number;
  /** @default one JSON line per entry on stdout (CloudWatch Logs) */
  readonly log?: LogSink;
}

/** What every apply-time request carries once parsed. */
export interface ApplyTimeRequest {
  readonly endpoint: URL;
  readonly region: string;
  readonly budgetMs: number;
  readonly action: LifecycleAction;
}

/** What one step does; {@link createApplyTimeHandler} supplies the rest. */
export interface ApplyTimeStep<Request extends ApplyTimeRequest, Result> {
  /** Validates the input (throwing an error that lists every problem) and applies defaults. */
  parse(event: unknown, env: NodeJS.ProcessEnv): Request;
  /**
   * SigV4 signing service of the step's endpoint.
   * @default 'aoss' (OpenSearch Serverless)
   */
  readonly service?: string;
  /** The answer to a `terraform destroy` invocation (`tf.action: delete`); nothing is sent. */
  onDestroy(request: Request, log: LogSink): Result;
  /** Does the work with a sender signing for `service` and a retry budget. */
  run(request: Request, tools: { send: SendRequest; budget: RetryBudget; log: LogSink }): Promise<Result>;
}

/** Time kept back from the Lambda timeout so a failure is reported with its reason instead of a timeout. */
const REPORTING_MARGIN_MS = 3_000;

const jsonLines: LogSink = (entry) => console.log(JSON.stringify(entry));

/**
 * Builds an apply-time Lambda handler: parse the input; on destroy answer without sending anything; otherwise
 * run the step with a sender signing for its service and one retry budget, the input's `timeoutSeconds` capped by
 * the time the Lambda has left (less a margin to report a failure).
 */
export function createApplyTimeHandler<Request extends ApplyTimeRequest, Result>(
  step: ApplyTimeStep<Request, Result>,
  options: HandlerOptions,
) {
  const log = options.log ?? jsonLines;
  return async (event: unknown, context?: InvocationContext): Promise<Result> => {
    const env = options.env ?? process.env;
    const request = step.parse(event, env);
    if (request.action === 'delete') return step.onDestroy(request, log);
    const remainingMs = context
      ? context.getRemainingTimeInMillis() - REPORTING_MARGIN_MS
      : Number.POSITIVE_INFINITY;
    const budget = new RetryBudget({
      budgetMs: Math.max(0, Math.min(request.budgetMs, remainingMs)),
      baseDelayMs: options.baseDelayMs,
      maxDelayMs: options.maxDelayMs,
    });
    const send = createSignedSender({
      endpoint: request.endpoint,
      region: request.region,
      ...(step.service === undefined ? {} : { service: step.service }),
      credentials: options.credentials ?? credentialsFromEnv(env),
      requestTimeoutMs: options.requestTimeoutMs,
    });
    return step.run(request, { send, budget, log });
  };
}
