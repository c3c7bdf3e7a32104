import { isDeepStrictEqual } from 'node:util';

/** Bedrock's commonly cited limit for a response body, and the router's default maxBodyBytes. */
export const MAX_BODY_BYTES = 25_000;

export interface Answer {
  readonly kind: 'openapi' | 'function';
  /** The HTTP status (OpenAPI), or 200/400/500 read from a function answer's responseState. */
  readonly status: number;
  readonly body: unknown;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(message: string, response: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(response).slice(0, 2_000);
  } catch {
    shown = String(response);
  }
  throw new Error(`${message}\nresponse: ${shown}`);
}

/** What the answer must echo: the event's string, or '' when the event has none. */
function echoed(event: unknown, key: string): string {
  return isObject(event) && typeof event[key] === 'string' ? (event[key] as string) : '';
}

/**
 * Checks that `response` is an envelope Bedrock can read for `event`: the shape of the event's kind (a string
 * `function` means function details), messageVersion "1.0", the echoed fields, an integer status, a body string
 * that is JSON and at most MAX_BODY_BYTES, string session maps, and JSON-serialisable as a whole (the Lambda
 * runtime serialises it). Returns the status and the parsed body.
 */
export function readWellFormedAnswer(event: unknown, response: unknown): Answer {
  if (!isObject(response) || response.messageVersion !== '1.0')
    fail('not an envelope with messageVersion 1.0', response);
  try {
    JSON.stringify(response);
  } catch (error) {
    fail(`the envelope cannot be serialised: ${(error as Error).message}`, '(unserialisable)');
  }
  for (const key of ['sessionAttributes', 'promptSessionAttributes']) {
    const map = response[key];
    if (map !== undefined && (!isObject(map) || !Object.values(map).every((v) => typeof v === 'string'))) {
      fail(`${key} is not a map of strings`, response);
    }
  }
  const inner = response.response;
  if (!isObject(inner) || typeof inner.actionGroup !== 'string')
    fail('no response.actionGroup string', response);
  if (inner.actionGroup !== echoed(event, 'actionGroup')) fail('actionGroup is not echoed', response);

  const isFunction = isObject(event) && typeof event.function === 'string';
  let status: number;
  let text: unknown;
  if (isFunction) {
    if (inner.function !== event.function) fail('function is not echoed', response);
    if ('apiPath' in inner || 'httpStatusCode' in inner)
      fail('a function answer with OpenAPI fields', response);
    const functionResponse = inner.functionResponse;
    if (!isObject(functionResponse)) fail('no functionResponse', response);
    const state = functionResponse.responseState;
    if (state !== undefined && state !== 'REPROMPT' && state !== 'FAILURE')
      fail(`bad responseState ${String(state)}`, response);
    status = state === 'FAILURE' ? 500 : state === 'REPROMPT' ? 400 : 200;
    const responseBody = functionResponse.responseBody;
    text = isObject(responseBody) && isObject(responseBody.TEXT) ? responseBody.TEXT.body : undefined;
  } else {
    if ('function' in inner || 'functionResponse' in inner)
      fail('an OpenAPI answer with function fields', response);
    if (inner.apiPath !== echoed(event, 'apiPath')) fail('apiPath is not echoed', response);
    if (inner.httpMethod !== echoed(event, 'httpMethod')) fail('httpMethod is not echoed', response);
    const code = inner.httpStatusCode;
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 599) {
      fail(`httpStatusCode ${String(code)} is not an integer HTTP status`, response);
    }
    status = code;
    const responseBody = inner.responseBody;
    const json = isObject(responseBody) ? responseBody['application/json'] : undefined;
    text = isObject(json) ? json.body : undefined;
  }
  if (typeof text !== 'string') fail('the body is not a string', response);
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES)
    fail(`the body is ${Buffer.byteLength(text)} bytes`, response);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    fail('the body is not JSON', response);
  }
  return { kind: isFunction ? 'function' : 'openapi', status, body };
}

/** Deep equality that treats an absent key and an `undefined` value alike (as JSON does). */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
}
