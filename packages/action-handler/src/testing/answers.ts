import { DEFAULT_MAX_BODY_BYTES } from '../envelope';
import type { FunctionResponseState } from '../types/responses';

/** An envelope's parts tests assert on, read by {@link readAnswer}. */
export interface Answer {
  readonly kind: 'openapi' | 'function';
  /** The HTTP status (OpenAPI), or 200/400/500 read from a function answer's responseState. */
  readonly status: number;
  /** A function answer's responseState (undefined: success). */
  readonly state: FunctionResponseState | undefined;
  /** The body string as sent. */
  readonly text: string;
  /** The body parsed from JSON; a function answer's plain-text body as is. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary bodies
  readonly body: any;
}

export interface ReadAnswerOptions {
  /** The event answered: the envelope must be of its kind and echo its actionGroup, apiPath, httpMethod, function. */
  readonly event?: unknown;
  /** The envelope kind expected when no event is given. @default either */
  readonly kind?: Answer['kind'];
  /** @default 25_000, the router's default */
  readonly maxBodyBytes?: number;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(message: string, response: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(response)?.slice(0, 2_000) ?? String(response);
  } catch {
    shown = '(unserialisable)';
  }
  throw new Error(`not an envelope Bedrock can read: ${message}\nresponse: ${shown}`);
}

/** What the answer must echo: the event's string, or '' when the event has none. */
function echoed(event: unknown, key: string): string {
  return isObject(event) && typeof event[key] === 'string' ? (event[key] as string) : '';
}

/**
 * Reads an answer strictly, throwing on anything Bedrock could not read: messageVersion "1.0", the shape of the
 * event's kind (a string `function` means function details), the echoed fields, an integer status 200–599, a
 * string body of at most `maxBodyBytes` that is JSON (OpenAPI), string session maps, and JSON-serialisable as a
 * whole (the Lambda runtime serialises it).
 */
export function readAnswer(response: unknown, options: ReadAnswerOptions = {}): Answer {
  if (!isObject(response) || response.messageVersion !== '1.0') fail('no messageVersion "1.0"', response);
  try {
    JSON.stringify(response);
  } catch (error) {
    fail(`it cannot be serialised: ${(error as Error).message}`, '(unserialisable)');
  }
  for (const key of ['sessionAttributes', 'promptSessionAttributes']) {
    const map = response[key];
    if (map !== undefined && (!isObject(map) || !Object.values(map).every((v) => typeof v === 'string'))) {
      fail(`${key} is not a map of strings`, response);
    }
  }
  const inner = response.response;
  if (!isObject(inner) || typeof inner.actionGroup !== 'string') fail('no response.actionGroup', response);
  const { event } = options;
  if (event !== undefined && inner.actionGroup !== echoed(event, 'actionGroup')) {
    fail('actionGroup is not echoed', response);
  }
  const kind =
    event !== undefined
      ? isObject(event) && typeof event.function === 'string'
        ? 'function'
        : 'openapi'
      : (options.kind ?? ('functionResponse' in inner ? 'function' : 'openapi'));
  const read =
    kind === 'function' ? readFunctionAnswer(inner, event, response) : readOpenApi(inner, event, response);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const bytes = Buffer.byteLength(read.text, 'utf8');
  if (bytes > maxBodyBytes) fail(`the body is ${bytes} bytes, over ${maxBodyBytes}`, response);
  let body: unknown = read.text;
  try {
    body = JSON.parse(read.text);
  } catch {
    if (kind === 'openapi') fail('the body is not JSON', response);
  }
  return { kind, ...read, body };
}

function readOpenApi(inner: Json, event: unknown, response: Json) {
  if ('function' in inner || 'functionResponse' in inner)
    fail('an OpenAPI answer with function fields', response);
  if (event !== undefined) {
    if (inner.apiPath !== echoed(event, 'apiPath')) fail('apiPath is not echoed', response);
    if (inner.httpMethod !== echoed(event, 'httpMethod')) fail('httpMethod is not echoed', response);
  } else if (typeof inner.apiPath !== 'string' || typeof inner.httpMethod !== 'string') {
    fail('no apiPath and httpMethod strings', response);
  }
  const status = inner.httpStatusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    fail(`httpStatusCode ${String(status)} is not an integer HTTP status`, response);
  }
  const responseBody = inner.responseBody;
  const json = isObject(responseBody) ? responseBody['application/json'] : undefined;
  const text = isObject(json) ? json.body : undefined;
  if (typeof text !== 'string') fail('responseBody["application/json"].body is not a string', response);
  return { status, state: undefined, text };
}

function readFunctionAnswer(inner: Json, event: unknown, response: Json) {
  if ('apiPath' in inner || 'httpStatusCode' in inner)
    fail('a function answer with OpenAPI fields', response);
  if (typeof inner.function !== 'string') fail('no response.function string', response);
  if (event !== undefined && inner.function !== echoed(event, 'function'))
    fail('function is not echoed', response);
  const functionResponse = inner.functionResponse;
  if (!isObject(functionResponse)) fail('no functionResponse', response);
  const state = functionResponse.responseState;
  if (state !== undefined && state !== 'REPROMPT' && state !== 'FAILURE') {
    fail(`responseState ${String(state)} is neither REPROMPT nor FAILURE`, response);
  }
  const responseBody = functionResponse.responseBody;
  const text = isObject(responseBody) && isObject(responseBody.TEXT) ? responseBody.TEXT.body : undefined;
  if (typeof text !== 'string') fail('functionResponse.responseBody.TEXT.body is not a string', response);
  const status = state === 'FAILURE' ? 500 : state === 'REPROMPT' ? 400 : 200;
  return { status, state: state as FunctionResponseState | undefined, text };
}
