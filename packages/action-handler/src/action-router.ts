import type { Logger } from '@aws-lambda-powertools/logger';
import { createLogger } from './create-logger';
import { buildEnvelope, DEFAULT_MAX_BODY_BYTES, fitsIn, serializeBody, serializeErrorBody } from './envelope';
import { ActionError, ContractError, ErrorCode, HttpStatus, InvalidParameterError } from './errors';
import { correlationOf, type IncomingEvent, readEvent, readEventSafely, readStringMap } from './read-event';
import { RoutedRequest } from './routed-request';
import { type BoundRoute, type BoundRoutes, compileRoutes } from './routes/compile-routes';
import { readFieldSet } from './schema/field-set';
import { type Issue, isRecord } from './schema/node';
import type { BedrockAgentEvent, LambdaContextLike } from './types/events';
import type { BedrockAgentResponse } from './types/responses';
import type { ActionRouterOptions, OperationMap, UntypedOperations } from './types/router';

/** Room for the longest shortened error body, so every answer fits whatever the limit. */
const MIN_MAX_BODY_BYTES = 1_024;
const INTERNAL_MESSAGE = 'The action failed because of an internal error. Try again later.';

/**
 * Routes Bedrock agent action-group events to typed handlers: one handler per operationId (OpenAPI schema) or
 * function name (function details). Inputs are decoded by the schema's declared types and validated before the
 * handler runs; every outcome, including bad input and thrown errors, becomes a well-formed envelope.
 *
 * Routes and validators are compiled once, here; the constructor throws ContractError when the schema and the
 * handlers disagree, so drift is caught by any test that builds the router.
 *
 * One event goes one way: read (read-event.ts), decide (this class, top to bottom in `resolve`), reply
 * (envelope.ts). Nothing below calls back up.
 */
export class ActionRouter<Ops extends OperationMap<Ops> = UntypedOperations> {
  readonly #routes: BoundRoutes;
  readonly #createLogger: () => Logger;
  #logger: Logger | undefined;
  readonly #maxBodyBytes: number;

  constructor(options: ActionRouterOptions<Ops>) {
    if (!isRecord(options)) throw new ContractError(['the router needs an options object']);
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < MIN_MAX_BODY_BYTES) {
      throw new ContractError([`maxBodyBytes must be an integer of at least ${MIN_MAX_BODY_BYTES}`]);
    }
    this.#routes = compileRoutes(options.schema, options.functions, options.operations);
    const { logger } = options;
    this.#createLogger =
      typeof logger === 'function'
        ? logger
        : logger === undefined
          ? () => createLogger({ serviceName: 'action-handler' })
          : () => logger;
    this.#maxBodyBytes = maxBodyBytes;
  }

  /** Answers one event. Never throws and never rejects: any input gets a well-formed envelope. */
  async resolve(event: unknown, context?: LambdaContextLike): Promise<BedrockAgentResponse> {
    try {
      if (!isRecord(event)) {
        return this.#reject(readEventSafely(event, context), malformed('The event is not an object.'));
      }
      const incoming = readEvent(event, context);
      const route = this.#findRoute(incoming, event);
      if (route === undefined) return this.#reject(incoming, this.#whyNoRoute(incoming, event));

      const issues: Issue[] = [];
      const params = readFieldSet(route.params, event.parameters, issues);
      const body = route.body && readFieldSet(route.body, bodyProperties(event.requestBody), issues);
      if (params === undefined || (route.body !== undefined && body === undefined)) {
        const message = 'The parameters or requestBody properties are not a list of { name, type, value }.';
        return this.#reject(incoming, malformed(message));
      }
      if (issues.length > 0) {
        return this.#reject(incoming, new InvalidParameterError(issues as [Issue, ...Issue[]]));
      }

      let result: unknown;
      try {
        result = await route.handler(
          new RoutedRequest(
            params,
            body,
            route.operation,
            event as unknown as BedrockAgentEvent,
            context,
            incoming.sessionAttributes,
            incoming.promptSessionAttributes,
            this.#loggerOnFirstUse,
          ),
        );
      } catch (error) {
        return this.#replyToThrown(incoming, error);
      }
      return this.#replyToResult(incoming, result);
    } catch (error) {
      return this.#replyAfterOwnFailure(event, context, error);
    }
  }

  /** The logger, created on first use: most requests log nothing, and a Logger costs a cold start milliseconds. */
  get #log(): Logger {
    this.#logger ??= this.#createLogger();
    return this.#logger;
  }

  /** What each request's `logger` reads: one function for every request, made once. */
  readonly #loggerOnFirstUse = (): Logger => this.#log;

  /** The route: by `function`, else by `apiPath` + `httpMethod` (matched case-insensitively). */
  #findRoute(incoming: IncomingEvent, event: Record<string, unknown>): BoundRoute | undefined {
    if (typeof event.messageVersion !== 'string' || typeof event.actionGroup !== 'string') return undefined;
    if (incoming.functionName !== undefined) return this.#routes.byFunction.get(incoming.functionName);
    const byMethod = this.#routes.byPath.get(incoming.apiPath);
    return byMethod?.get(incoming.httpMethod) ?? byMethod?.get(incoming.httpMethod.toUpperCase());
  }

  /** Why no route was found, as the 4xx answer the model can act on. */
  #whyNoRoute(incoming: IncomingEvent, event: Record<string, unknown>): ActionError {
    if (typeof event.messageVersion !== 'string' || typeof event.actionGroup !== 'string') {
      return malformed('The event has no messageVersion or actionGroup.');
    }
    const { functionName, apiPath, httpMethod } = incoming;
    if (functionName !== undefined) {
      const known = [...this.#routes.byFunction.keys()].join(', ') || 'none';
      const message = `This action group has no function named ${functionName}. Known functions: ${known}.`;
      return new ActionError(HttpStatus.NOT_FOUND, ErrorCode.UNKNOWN_OPERATION, message);
    }
    if (typeof event.apiPath !== 'string') return malformed('The event has neither apiPath nor function.');
    const byMethod = this.#routes.byPath.get(apiPath);
    if (byMethod === undefined) {
      const known = [...this.#routes.byPath.keys()].join(', ') || 'none';
      const message = `No operation has the apiPath ${apiPath}. Known paths: ${known}.`;
      return new ActionError(HttpStatus.NOT_FOUND, ErrorCode.UNKNOWN_OPERATION, message);
    }
    const allowed = [...byMethod.keys()].join(', ');
    const message = `The method ${httpMethod || '(none)'} is not allowed on ${apiPath}. Allowed: ${allowed}.`;
    return new ActionError(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED, message, { allowed });
  }

  /** The router's own refusal of a request (logged at debug level only). */
  #reject(incoming: IncomingEvent, error: ActionError): BedrockAgentResponse {
    const { statusCode: status, code, message } = error;
    try {
      this.#log.debug('Rejected an action request', { status, code, message });
    } catch {
      // A logger that cannot be made or fails must not turn the refusal into a 500.
    }
    return this.#errorEnvelope(incoming, status, error.toBody());
  }

  /** An ActionError answers with its status and body; anything else thrown is a logged 500. */
  #replyToThrown(incoming: IncomingEvent, error: unknown): BedrockAgentResponse {
    if (!(error instanceof ActionError)) {
      return this.#internal(incoming, 'The handler threw an unexpected error', thrownAttributes(error));
    }
    const valid = Number.isInteger(error.statusCode) && error.statusCode >= 400 && error.statusCode <= 599;
    const status = valid ? error.statusCode : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) this.#logError(incoming, 'The handler answered with a server error', { error });
    return this.#errorEnvelope(incoming, status, error.toBody());
  }

  /** A handler's ActionResult; anything not shaped like one, or too large to send, is a logged 500. */
  #replyToResult(incoming: IncomingEvent, result: unknown): BedrockAgentResponse {
    if (!isRecord(result)) {
      return this.#internal(incoming, `The handler returned ${typeof result}, not an ActionResult`);
    }
    const status = result.statusCode ?? HttpStatus.OK;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
      return this.#internal(incoming, 'The handler returned an invalid statusCode', {
        statusCode: printable(status),
      });
    }
    let body: string;
    try {
      body = serializeBody(result.body, incoming.functionName !== undefined);
    } catch (error) {
      const what = 'The handler returned a body that cannot be serialised';
      return this.#internal(incoming, what, thrownAttributes(error));
    }
    if (!fitsIn(body, this.#maxBodyBytes)) {
      const bytes = Buffer.byteLength(body, 'utf8');
      const limit = { bytes, maxBodyBytes: this.#maxBodyBytes };
      this.#logError(incoming, 'The response body is over the size limit', limit);
      const message = `The result is too large to return (${bytes} bytes, at most ${this.#maxBodyBytes}). Ask for less at once.`;
      return this.#errorEnvelope(incoming, 500, { error: ErrorCode.RESPONSE_TOO_LARGE, message });
    }
    const { sessionAttributes, promptSessionAttributes } = result;
    return buildEnvelope(
      incoming,
      status,
      body,
      sessionAttributes === undefined ? incoming.sessionAttributes : readStringMap(sessionAttributes),
      promptSessionAttributes === undefined
        ? incoming.promptSessionAttributes
        : readStringMap(promptSessionAttributes),
    );
  }

  /** A logged 500 INTERNAL_ERROR whose message reveals nothing of the internals. */
  #internal(incoming: IncomingEvent, what: string, attributes: Record<string, unknown> = {}) {
    this.#logError(incoming, what, attributes);
    return this.#errorEnvelope(incoming, 500, { error: ErrorCode.INTERNAL_ERROR, message: INTERNAL_MESSAGE });
  }

  /** The answer when the router itself failed: built from nothing that could throw again. */
  #replyAfterOwnFailure(event: unknown, context: LambdaContextLike | undefined, error: unknown) {
    const incoming = readEventSafely(event, context);
    this.#logError(incoming, 'The action router failed unexpectedly', thrownAttributes(error));
    const body = JSON.stringify({ error: ErrorCode.INTERNAL_ERROR, message: INTERNAL_MESSAGE });
    return buildEnvelope(incoming, 500, body, {}, {});
  }

  /** An error body within the size limit, with the event's session maps. */
  #errorEnvelope(
    incoming: IncomingEvent,
    status: number,
    body: Record<string, unknown>,
  ): BedrockAgentResponse {
    const text = serializeErrorBody(body, this.#maxBodyBytes);
    return buildEnvelope(
      incoming,
      status,
      text,
      incoming.sessionAttributes,
      incoming.promptSessionAttributes,
    );
  }

  /** Logs with the request's correlation data; a failing logger must not turn an answer into a throw. */
  #logError(incoming: IncomingEvent, what: string, attributes: Record<string, unknown>): void {
    try {
      this.#log.error(what, { ...correlationOf(incoming), ...attributes });
    } catch {
      // nothing sensible left to do: the answer still goes out
    }
  }
}

function malformed(message: string): ActionError {
  return new ActionError(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_EVENT, message);
}

/** Where the flattened body properties are; `false` (not a list) marks a malformed requestBody. */
function bodyProperties(requestBody: unknown): unknown {
  if (requestBody === undefined || requestBody === null) return undefined;
  if (!isRecord(requestBody) || !isRecord(requestBody.content)) return false;
  const json = requestBody.content['application/json'];
  if (json === undefined || json === null) return undefined;
  return isRecord(json) ? json.properties : false;
}

/** An Error is logged as such (Powertools formats it); anything else thrown is rendered as a string. */
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
