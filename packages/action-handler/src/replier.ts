import type { Logger } from '@aws-lambda-powertools/logger';
import { buildEnvelope, fitsIn, serializeBody, serializeErrorBody } from './envelope';
import { ActionError, ErrorCode, HttpStatus } from './errors';
import { correlationOf, type Exchange, readExchangeSafely, readStringMap } from './event';
import { type Issue, isRecord } from './schema/node';
import type { LambdaContextLike } from './types/events';
import type { BedrockAgentResponse } from './types/responses';

const INTERNAL_MESSAGE = 'The action failed because of an internal error. Try again later.';

/**
 * Internal: turns every outcome (a result, a thrown error, bad input) into an envelope within the size limit,
 * and logs server-side failures with the request's correlation data. Its methods never throw.
 */
export class Replier {
  constructor(
    private readonly logger: Logger,
    private readonly maxBodyBytes: number,
  ) {}

  /** An error answer `{ error: code, message, ...details }`; 4xx are logged at debug level only. */
  reject(x: Exchange, status: number, code: string, message: string, details?: Record<string, unknown>) {
    if (status < 500) this.logger.debug('Rejected an action request', { status, code, message });
    const body = serializeErrorBody({ error: code, message, ...details }, this.maxBodyBytes);
    return buildEnvelope(x, status, body, x.sessionAttributes, x.promptSessionAttributes);
  }

  /** An answer to an event that is not even an object. */
  rejectNonObject(event: unknown): BedrockAgentResponse {
    const x = readExchangeSafely(event, undefined);
    return this.reject(x, 400, ErrorCode.MALFORMED_EVENT, 'The event is not an object.');
  }

  /** 400 INVALID_PARAMETER naming each wrong field and what it allows, so the model can ask the user again. */
  invalid(x: Exchange, issues: readonly Issue[]): BedrockAgentResponse {
    const [first] = issues as [Issue, ...Issue[]];
    const message =
      issues.length === 1
        ? first.message
        : `${issues.length} fields are invalid. ${issues.map((i) => i.message).join(' ')}`;
    const details = { field: first.field, allowed: first.allowed, errors: issues };
    return this.reject(x, 400, ErrorCode.INVALID_PARAMETER, message, details);
  }

  /** A handler's ActionResult; anything not shaped like one is a 500. */
  fromResult(x: Exchange, result: unknown): BedrockAgentResponse {
    if (!isRecord(result))
      return this.internal(x, `The handler returned ${typeof result}, not an ActionResult`);
    const statusCode = result.statusCode ?? HttpStatus.OK;
    if (
      typeof statusCode !== 'number' ||
      !Number.isInteger(statusCode) ||
      statusCode < 200 ||
      statusCode > 599
    ) {
      return this.internal(x, 'The handler returned an invalid statusCode', {
        statusCode: printable(statusCode),
      });
    }
    let body: string;
    try {
      body = serializeBody(result.body, x.fn !== undefined);
    } catch (error) {
      return this.internal(
        x,
        'The handler returned a body that cannot be serialised',
        thrownAttributes(error),
      );
    }
    if (!fitsIn(body, this.maxBodyBytes)) {
      const bytes = Buffer.byteLength(body, 'utf8');
      this.logError(x, 'The response body is over the size limit', {
        bytes,
        maxBodyBytes: this.maxBodyBytes,
      });
      const message = `The result is too large to return (${bytes} bytes, at most ${this.maxBodyBytes}). Ask for less at once.`;
      return this.reject(x, 500, ErrorCode.RESPONSE_TOO_LARGE, message);
    }
    const { sessionAttributes, promptSessionAttributes } = result;
    return buildEnvelope(
      x,
      statusCode,
      body,
      sessionAttributes === undefined ? x.sessionAttributes : readStringMap(sessionAttributes),
      promptSessionAttributes === undefined
        ? x.promptSessionAttributes
        : readStringMap(promptSessionAttributes),
    );
  }

  /** An ActionError answers with its status and body; anything else thrown is a logged 500. */
  fromThrown(x: Exchange, error: unknown): BedrockAgentResponse {
    if (!(error instanceof ActionError)) {
      return this.internal(x, 'The handler threw an unexpected error', thrownAttributes(error));
    }
    const valid = Number.isInteger(error.statusCode) && error.statusCode >= 400 && error.statusCode <= 599;
    const status = valid ? error.statusCode : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) this.logError(x, 'The handler answered with a server error', { error });
    const body = serializeErrorBody(error.toBody(), this.maxBodyBytes);
    return buildEnvelope(x, status, body, x.sessionAttributes, x.promptSessionAttributes);
  }

  /** A logged 500 INTERNAL_ERROR whose message reveals nothing of the internals. */
  internal(x: Exchange, what: string, attributes: Record<string, unknown> = {}): BedrockAgentResponse {
    this.logError(x, what, attributes);
    return this.reject(x, 500, ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE);
  }

  /** The answer when the router itself failed: built from nothing that could throw again. */
  lastResort(event: unknown, context: LambdaContextLike | undefined, error: unknown): BedrockAgentResponse {
    const x = readExchangeSafely(event, context);
    this.logError(x, 'The action router failed unexpectedly', thrownAttributes(error));
    const body = JSON.stringify({ error: ErrorCode.INTERNAL_ERROR, message: INTERNAL_MESSAGE });
    return buildEnvelope(x, 500, body, x.sessionAttributes, x.promptSessionAttributes);
  }

  /** Logs with the request's correlation data; a failing logger must not turn an answer into a throw. */
  private logError(x: Exchange, what: string, attributes: Record<string, unknown>): void {
    try {
      this.logger.error(what, { ...correlationOf(x.event, x.context), ...attributes });
    } catch {
      // nothing sensible left to do: the answer still goes out
    }
  }
}

/** An Error is logged as such (Powertools formats it); anything else thrown is described in a string. */
function thrownAttributes(value: unknown): Record<string, unknown> {
  return value instanceof Error ? { error: value } : { thrown: printable(value) };
}

function printable(value: unknown): string {
  try {
    return typeof value === 'string'
      ? value.slice(0, 500)
      : `${typeof value}: ${String(value).slice(0, 500)}`;
  } catch {
    return typeof value;
  }
}
