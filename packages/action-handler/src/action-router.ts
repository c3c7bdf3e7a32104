import { Logger } from '@aws-lambda-powertools/logger';
import { DEFAULT_MAX_BODY_BYTES } from './envelope';
import { ContractError, ErrorCode } from './errors';
import { type Exchange, readExchange } from './event';
import { Replier } from './replier';
import { type BoundRoute, type BoundRoutes, compileRoutes } from './routes/compile-routes';
import { readFieldSet } from './schema/field-set';
import { type Issue, isRecord } from './schema/node';
import type { BedrockAgentEvent, LambdaContextLike } from './types/events';
import type { BedrockAgentResponse } from './types/responses';
import type { ActionRouterOptions, OperationMap, UntypedOperations } from './types/router';

/** Room for the longest shortened error body, so every answer fits whatever the limit. */
const MIN_MAX_BODY_BYTES = 1_024;

/**
 * Routes Bedrock agent action-group events to typed handlers: one handler per operationId (OpenAPI schema) or
 * function name (function details). Inputs are decoded by the schema's declared types and validated before the
 * handler runs; every outcome, including bad input and thrown errors, becomes a well-formed envelope.
 *
 * Routes and validators are compiled once, here; the constructor throws ContractError when the schema and the
 * handlers disagree, so drift is caught by any test that builds the router.
 */
export class ActionRouter<Ops extends OperationMap<Ops> = UntypedOperations> {
  readonly #routes: BoundRoutes;
  readonly #logger: Logger;
  readonly #replier: Replier;

  constructor(options: ActionRouterOptions<Ops>) {
    if (!isRecord(options)) throw new ContractError(['the router needs an options object']);
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < MIN_MAX_BODY_BYTES) {
      throw new ContractError([`maxBodyBytes must be an integer of at least ${MIN_MAX_BODY_BYTES}`]);
    }
    this.#routes = compileRoutes(options.schema, options.functions, options.operations);
    this.#logger = options.logger ?? new Logger({ serviceName: 'action-handler' });
    this.#replier = new Replier(this.#logger, maxBodyBytes);
  }

  /** Answers one event. Never throws and never rejects: any input gets a well-formed envelope. */
  async resolve(event: unknown, context?: LambdaContextLike): Promise<BedrockAgentResponse> {
    // Kept inline, with one async frame and no per-request allocation beyond what the answer needs:
    // the benchmark holds this against Powertools' BedrockAgentFunctionResolver.
    try {
      if (!isRecord(event)) return this.#replier.rejectNonObject(event);
      const x = readExchange(event, context);
      const route = this.#find(x, event);
      if (route === undefined) return this.#unmatched(x, event);
      const issues: Issue[] = [];
      const params = readFieldSet(route.params, event.parameters, issues);
      const body = route.body && readFieldSet(route.body, bodyProperties(event.requestBody), issues);
      if (params === undefined || (route.body !== undefined && body === undefined)) {
        return this.#malformed(
          x,
          'The parameters or requestBody properties are not a list of { name, type, value }.',
        );
      }
      if (issues.length > 0) return this.#replier.invalid(x, issues);
      let result: unknown;
      try {
        result = await route.handler({
          params,
          body,
          operation: route.operation,
          event: event as unknown as BedrockAgentEvent,
          context,
          sessionAttributes: x.sessionAttributes,
          promptSessionAttributes: x.promptSessionAttributes,
          logger: this.#logger,
        });
      } catch (error) {
        return this.#replier.fromThrown(x, error);
      }
      return this.#replier.fromResult(x, result);
    } catch (error) {
      return this.#replier.lastResort(event, context, error);
    }
  }

  /** The route: by `function`, else by `apiPath` + `httpMethod` (matched case-insensitively). */
  #find(x: Exchange, event: Record<string, unknown>): BoundRoute | undefined {
    if (typeof event.messageVersion !== 'string' || typeof event.actionGroup !== 'string') return undefined;
    if (x.fn !== undefined) return this.#routes.byFunction.get(x.fn);
    const byMethod = this.#routes.byPath.get(x.apiPath);
    return byMethod?.get(x.httpMethod) ?? byMethod?.get(x.httpMethod.toUpperCase());
  }

  /** Why no route was found, as the 4xx answer the model can act on. */
  #unmatched(x: Exchange, event: Record<string, unknown>): BedrockAgentResponse {
    if (typeof event.messageVersion !== 'string' || typeof event.actionGroup !== 'string') {
      return this.#malformed(x, 'The event has no messageVersion or actionGroup.');
    }
    if (x.fn !== undefined) {
      const known = [...this.#routes.byFunction.keys()].join(', ') || 'none';
      const message = `This action group has no function named ${x.fn}. Known functions: ${known}.`;
      return this.#replier.reject(x, 404, ErrorCode.UNKNOWN_OPERATION, message);
    }
    if (typeof event.apiPath !== 'string')
      return this.#malformed(x, 'The event has neither apiPath nor function.');
    const byMethod = this.#routes.byPath.get(x.apiPath);
    if (byMethod === undefined) {
      const known = [...this.#routes.byPath.keys()].join(', ') || 'none';
      const message = `No operation has the apiPath ${x.apiPath}. Known paths: ${known}.`;
      return this.#replier.reject(x, 404, ErrorCode.UNKNOWN_OPERATION, message);
    }
    const allowed = [...byMethod.keys()].join(', ');
    const message = `The method ${x.httpMethod || '(none)'} is not allowed on ${x.apiPath}. Allowed: ${allowed}.`;
    return this.#replier.reject(x, 405, ErrorCode.METHOD_NOT_ALLOWED, message, { allowed });
  }

  #malformed(x: Exchange, message: string): BedrockAgentResponse {
    return this.#replier.reject(x, 400, ErrorCode.MALFORMED_EVENT, message);
  }
}

/** Where the flattened body properties are; `false` (not a list) marks a malformed requestBody. */
function bodyProperties(requestBody: unknown): unknown {
  if (requestBody === undefined || requestBody === null) return undefined;
  if (!isRecord(requestBody) || !isRecord(requestBody.content)) return false;
  const json = requestBody.content['application/json'];
  if (json === undefined || json === null) return undefined;
  return isRecord(json) ? json.properties : false;
}
