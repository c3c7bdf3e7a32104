import { isRecord } from './schema/node';
import type { LambdaContextLike } from './types/events';

/**
 * Internal: what the router reads of one event, once: what the answer echoes, the session maps it passes through,
 * and the event and context that error logs correlate with.
 */
export interface IncomingEvent {
  /** The function name of a function-details event; undefined for an OpenAPI event. */
  readonly functionName: string | undefined;
  readonly actionGroup: string;
  readonly apiPath: string;
  readonly httpMethod: string;
  readonly sessionAttributes: Record<string, string>;
  readonly promptSessionAttributes: Record<string, string>;
  readonly event: unknown;
  readonly context: LambdaContextLike | undefined;
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reads an event object: its strings where present ('' otherwise), its session maps as Bedrock takes them. */
export function readEvent(
  event: Record<string, unknown>,
  context: LambdaContextLike | undefined,
): IncomingEvent {
  return {
    functionName: typeof event.function === 'string' ? event.function : undefined,
    actionGroup: stringOr(event.actionGroup),
    apiPath: stringOr(event.apiPath),
    httpMethod: stringOr(event.httpMethod),
    sessionAttributes: readStringMap(event.sessionAttributes),
    promptSessionAttributes: readStringMap(event.promptSessionAttributes),
    event,
    context,
  };
}

/** Like readEvent for any input at all (not an object, getters that throw), without the session maps. */
export function readEventSafely(event: unknown, context: LambdaContextLike | undefined): IncomingEvent {
  let read: IncomingEvent | undefined;
  try {
    if (isRecord(event)) read = readEvent(event, context);
  } catch {
    // a hostile event: answer with what is certain
  }
  return {
    functionName: read?.functionName,
    actionGroup: read?.actionGroup ?? '',
    apiPath: read?.apiPath ?? '',
    httpMethod: read?.httpMethod ?? '',
    sessionAttributes: {},
    promptSessionAttributes: {},
    event,
    context,
  };
}

/**
 * A session map as Bedrock must get it back: the same object when every value is a string (the usual case, no
 * copy), a copy without the other values otherwise, `{}` when it is not an object.
 */
export function readStringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  for (const key in value) {
    if (typeof value[key] !== 'string') {
      const copy: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string') copy[k] = v;
      return copy;
    }
  }
  return value as Record<string, string>;
}

const MAX_LOGGED_CHARS = 200;

/** Correlation values as logged: strings clipped, anything else named by its type. */
function clip(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value.slice(0, MAX_LOGGED_CHARS) : `(${typeof value})`;
}

/** The request's correlation data for error logs; never throws. */
export function correlationOf(incoming: IncomingEvent): Record<string, unknown> {
  const { event, context } = incoming;
  const data: Record<string, unknown> = {};
  try {
    if (isRecord(event)) {
      const agent = isRecord(event.agent) ? event.agent : {};
      data.sessionId = clip(event.sessionId);
      data.agentId = clip(agent.id);
      data.agentAlias = clip(agent.alias);
      data.agentVersion = clip(agent.version);
      data.actionGroup = clip(event.actionGroup);
      if (typeof event.function === 'string') data.function = clip(event.function);
      else {
        data.apiPath = clip(event.apiPath);
        data.httpMethod = clip(event.httpMethod);
      }
    }
    data.awsRequestId = clip(isRecord(context) ? context.awsRequestId : undefined);
  } catch {
    // a hostile event: log what was read
  }
  return data;
}
