/**
 * Exit codes, one per kind of failure, so scripts can tell "fix your command" from "try again later".
 * The README documents this table; keep them in step.
 */
export const ExitCode = {
  OK: 0,
  /** Anything not listed below: a service-side fault, an unreachable endpoint, a bug. */
  FAILURE: 1,
  /** Bad flags or arguments, a malformed scenario file, a confirmation nobody can answer. */
  USAGE: 2,
  /** Missing or wrong configuration: agent/alias ids, region, credentials, outputs file, unknown agent. */
  CONFIG: 3,
  ACCESS_DENIED: 4,
  /** Still throttled after the bounded retries. */
  THROTTLED: 5,
  /** The service rejected the request as invalid. */
  VALIDATION: 6,
  /** A dependency of the agent failed: the action Lambda, the knowledge base, the model. */
  DEPENDENCY_FAILED: 7,
  /** `eval`: at least one expectation failed. */
  EVAL_FAILED: 8,
  /** `guardrail check`: an on-topic prompt was blocked or an off-topic one got through (same code as eval). */
  EXPECTATIONS_FAILED: 8,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const ErrorKind = {
  FAILURE: 'failure',
  USAGE: 'usage',
  CONFIG: 'config',
  ACCESS_DENIED: 'access-denied',
  THROTTLED: 'throttled',
  VALIDATION: 'validation',
  DEPENDENCY_FAILED: 'dependency-failed',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

const EXIT_CODE_BY_KIND: Record<ErrorKind, ExitCode> = {
  failure: ExitCode.FAILURE,
  usage: ExitCode.USAGE,
  config: ExitCode.CONFIG,
  'access-denied': ExitCode.ACCESS_DENIED,
  throttled: ExitCode.THROTTLED,
  validation: ExitCode.VALIDATION,
  'dependency-failed': ExitCode.DEPENDENCY_FAILED,
};

/** Base class of every error the CLI reports itself: one readable line and an exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = EXIT_CODE_BY_KIND[kind];
  }
}

/** The command line is wrong; the message says how, and `--help` says what is allowed. */
export class UsageError extends CliError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorKind.USAGE, message, options);
    this.name = 'UsageError';
  }
}

/** Something the user must set or fix before the command can run. */
export class ConfigError extends CliError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorKind.CONFIG, message, options);
    this.name = 'ConfigError';
  }

  /** Several problems found at once: main() prints one per line. */
  static of(problems: readonly string[]): ConfigError {
    return new ConfigError(problems.map(oneLine).join('\n'));
  }
}

/** The network failed us: nothing listening, a name that does not resolve, or a timeout. */
export class NetworkError extends CliError {
  constructor(
    message: string,
    readonly endpoint: string,
    options?: { cause?: unknown },
  ) {
    super(ErrorKind.FAILURE, message, options);
    this.name = 'NetworkError';
  }
}

/** An error from the agent runtime, classified by its modelled exception name. */
export class AgentServiceError extends CliError {
  constructor(
    kind: ErrorKind,
    message: string,
    readonly serviceErrorName: string,
    options?: { cause?: unknown },
  ) {
    super(kind, message, options);
    this.name = 'AgentServiceError';
  }
}

const KIND_BY_SERVICE_ERROR: Record<string, ErrorKind> = {
  ThrottlingException: ErrorKind.THROTTLED,
  ServiceQuotaExceededException: ErrorKind.THROTTLED,
  TooManyRequestsException: ErrorKind.THROTTLED,
  AccessDeniedException: ErrorKind.ACCESS_DENIED,
  UnrecognizedClientException: ErrorKind.ACCESS_DENIED,
  InvalidSignatureException: ErrorKind.ACCESS_DENIED,
  ExpiredTokenException: ErrorKind.ACCESS_DENIED,
  ExpiredToken: ErrorKind.ACCESS_DENIED,
  ValidationException: ErrorKind.VALIDATION,
  DependencyFailedException: ErrorKind.DEPENDENCY_FAILED,
  BadGatewayException: ErrorKind.DEPENDENCY_FAILED,
  ResourceNotFoundException: ErrorKind.CONFIG,
  CredentialsProviderError: ErrorKind.CONFIG,
};

const WHAT_BY_KIND: Record<ErrorKind, string> = {
  failure: 'the agent failed',
  usage: 'usage',
  config: 'configuration',
  'access-denied': 'access denied',
  throttled: 'throttled',
  validation: 'the request was rejected',
  'dependency-failed': 'a dependency of the agent failed',
};

/** True for the error kinds worth retrying when nothing has been shown to the user yet. */
export function isThrottling(error: unknown): boolean {
  if (error instanceof AgentServiceError) return error.kind === ErrorKind.THROTTLED;
  return error instanceof Error && KIND_BY_SERVICE_ERROR[error.name] === ErrorKind.THROTTLED;
}

/**
 * An error that arrived after the answer's stream began. It is not about the agent, the alias or the request
 * (those fail before the first event), so it is worded as what it is, and "not found" is not a setup mistake.
 */
export function midStreamError(error: unknown): unknown {
  if (error instanceof CliError || !(error instanceof Error)) return error;
  const mapped = toCliError(error);
  // Throttling, access denied, validation and dependency failures mean the same whenever they arrive.
  if (mapped.kind !== ErrorKind.CONFIG && mapped.kind !== ErrorKind.FAILURE) return error;
  const kind = mapped.kind === ErrorKind.CONFIG ? ErrorKind.DEPENDENCY_FAILED : mapped.kind;
  const requestId = (error as { $metadata?: { requestId?: string } }).$metadata?.requestId;
  const suffix = requestId ? ` (request id ${requestId})` : '';
  return new AgentServiceError(
    kind,
    `the answer broke off mid-stream (${error.name}): ${oneLine(error.message || error.name)}${suffix}`,
    error.name,
    { cause: error },
  );
}

/** Turns anything thrown into a CliError with a one-line message; CliErrors pass through unchanged. */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (!(error instanceof Error)) return new CliError(ErrorKind.FAILURE, oneLine(String(error)));
  const name = error.name;
  const detail = oneLine(error.message || name);
  const requestId = (error as { $metadata?: { requestId?: string } }).$metadata?.requestId;
  const suffix = requestId ? ` (request id ${requestId})` : '';
  const kind = KIND_BY_SERVICE_ERROR[name];
  if (kind === ErrorKind.CONFIG && name === 'CredentialsProviderError') {
    return new ConfigError(
      `no AWS credentials found (${detail}); set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY`,
      { cause: error },
    );
  }
  if (kind === ErrorKind.CONFIG) {
    return new AgentServiceError(kind, `agent or alias not found: ${detail}${suffix}`, name, {
      cause: error,
    });
  }
  if (kind)
    return new AgentServiceError(kind, `${WHAT_BY_KIND[kind]} (${name}): ${detail}${suffix}`, name, {
      cause: error,
    });
  if (/region is missing/i.test(detail)) {
    return new ConfigError(
      'no AWS region set; set AWS_REGION (or AWS_PROFILE with a region) or pass --region',
      {
        cause: error,
      },
    );
  }
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET' || code === 'ETIMEDOUT') {
    return new CliError(ErrorKind.FAILURE, `cannot reach the agent runtime endpoint (${code}): ${detail}`, {
      cause: error,
    });
  }
  const label = name && name !== 'Error' ? `${name}: ` : '';
  return new CliError(ErrorKind.FAILURE, `${label}${detail}${suffix}`, { cause: error });
}

/** Collapses whitespace so a message always fits on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
