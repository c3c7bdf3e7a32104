import type { ParameterIssue } from './types/issues';

/** Machine-readable codes in the `error` field of every error body. */
export const ErrorCode = {
  INVALID_PARAMETER: 'INVALID_PARAMETER',
  MALFORMED_EVENT: 'MALFORMED_EVENT',
  UNAUTHORIZED: 'UNAUTHORIZED',
  UNKNOWN_OPERATION: 'UNKNOWN_OPERATION',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNPROCESSABLE_ENTITY: 'UNPROCESSABLE_ENTITY',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const HttpStatus = {
  OK: 200,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  UNPROCESSABLE_ENTITY: 422,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

/** Base class of every error this package defines. */
export class ActionHandlerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Thrown by the ActionRouter constructor when the schema and the handlers disagree or the schema cannot be
 * served. Never reaches Bedrock: it fails the build (or the cold start) instead of a conversation.
 */
export class ContractError extends ActionHandlerError {
  constructor(
    /** Every problem found, one sentence each. */
    readonly problems: readonly string[],
    /** OperationIds / function names that have no handler. */
    readonly missingHandlers: readonly string[] = [],
    /** Handler names that match no operation. */
    readonly unknownHandlers: readonly string[] = [],
  ) {
    super(`Action router contract check failed:\n- ${problems.join('\n- ')}`);
  }
}

export interface ActionErrorOptions {
  /** The `error` field of the response body. Each subclass has a default. */
  readonly code?: string;
  /** Extra fields merged into the response body (they cannot override `error` or `message`). */
  readonly details?: Record<string, unknown>;
  readonly cause?: unknown;
}

function causeOf(options: ActionErrorOptions): { cause: unknown } | undefined {
  return 'cause' in options ? { cause: options.cause } : undefined;
}

/**
 * An error a handler throws to answer with an HTTP status: the body is
 * `{ "error": code, "message": message, ...details }`, which the model reads to decide what to tell the user.
 */
export class ActionError extends ActionHandlerError {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The response body (before serialisation). */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { error: this.code, message: this.message };
    if (this.details !== undefined) {
      for (const [key, value] of Object.entries(this.details)) {
        if (key !== 'error' && key !== 'message') body[key] = value;
      }
    }
    return body;
  }
}

/** 400: the request cannot be served as sent; say which field is wrong and what is allowed. */
export class BadRequestError extends ActionError {
  constructor(message: string, options: ActionErrorOptions = {}) {
    super(
      HttpStatus.BAD_REQUEST,
      options.code ?? ErrorCode.INVALID_PARAMETER,
      message,
      options.details,
      causeOf(options),
    );
  }
}

/**
 * 401: the request carries no (valid) identity of the end user, e.g. no signed-in customer in the session
 * attributes; the message says what the agent should ask the user to do.
 */
export class UnauthorizedError extends ActionError {
  constructor(message: string, options: ActionErrorOptions = {}) {
    super(
      HttpStatus.UNAUTHORIZED,
      options.code ?? ErrorCode.UNAUTHORIZED,
      message,
      options.details,
      causeOf(options),
    );
  }
}

/**
 * 400 INVALID_PARAMETER naming each wrong field and what it allows, so the model can ask the user again: the body
 * is `{ error, message, field, allowed, errors: [{ field, message, allowed }] }`, `field` and `allowed` those of the
 * first issue. The router answers invalid inputs with it; a handler throws it for a rule the schema cannot state.
 */
export class InvalidParameterError extends BadRequestError {
  constructor(
    readonly issues: readonly [ParameterIssue, ...ParameterIssue[]],
    options: Omit<ActionErrorOptions, 'details'> = {},
  ) {
    const [first] = issues;
    const message =
      issues.length === 1
        ? first.message
        : `${issues.length} fields are invalid. ${issues.map((issue) => issue.message).join(' ')}`;
    super(message, { ...options, details: { field: first.field, allowed: first.allowed, errors: issues } });
  }
}

/** 404: the thing asked for does not exist (e.g. no order has this id). */
export class NotFoundError extends ActionError {
  constructor(message: string, options: ActionErrorOptions = {}) {
    super(
      HttpStatus.NOT_FOUND,
      options.code ?? ErrorCode.NOT_FOUND,
      message,
      options.details,
      causeOf(options),
    );
  }
}

/** 409: the request conflicts with the current state (e.g. the order has already shipped). */
export class ConflictError extends ActionError {
  constructor(message: string, options: ActionErrorOptions = {}) {
    super(
      HttpStatus.CONFLICT,
      options.code ?? ErrorCode.CONFLICT,
      message,
      options.details,
      causeOf(options),
    );
  }
}

/** 422: well-formed but not allowed by a business rule (e.g. the return window has closed). */
export class UnprocessableEntityError extends ActionError {
  constructor(message: string, options: ActionErrorOptions = {}) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      options.code ?? ErrorCode.UNPROCESSABLE_ENTITY,
      message,
      options.details,
      causeOf(options),
    );
  }
}

/** 503: a dependency is unavailable; the agent can tell the user to try again shortly. */
export class ServiceUnavailableError extends ActionError {
  constructor(message: string, options: ActionErrorOptions = {}) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      options.code ?? ErrorCode.SERVICE_UNAVAILABLE,
      message,
      options.details,
      causeOf(options),
    );
  }
}
