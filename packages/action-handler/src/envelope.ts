import type { BedrockAgentResponse, FunctionActionResponse, OpenApiActionResponse } from './types/responses';

/** Bedrock's commonly cited limit for a response body: the router's default `maxBodyBytes`. */
export const DEFAULT_MAX_BODY_BYTES = 25_000;

/** What an answer echoes from its event. `functionName` set means a function-details event. */
export interface ReplyTarget {
  readonly functionName: string | undefined;
  readonly actionGroup: string;
  readonly apiPath: string;
  readonly httpMethod: string;
}

/**
 * Builds the envelope Bedrock expects for the event kind: `responseBody['application/json'].body` for OpenAPI
 * action groups; `functionResponse.responseBody.TEXT.body` for functions, with REPROMPT for every 4xx and 5xx:
 * FAILURE would end the turn as a dependencyFailedException the agent cannot explain, whereas REPROMPT hands
 * the body (what went wrong, and what to tell the user) back to the model.
 */
export function buildEnvelope(
  target: ReplyTarget,
  statusCode: number,
  body: string,
  sessionAttributes: Record<string, string>,
  promptSessionAttributes: Record<string, string>,
): BedrockAgentResponse {
  if (target.functionName !== undefined) {
    const functionResponse: FunctionActionResponse['response']['functionResponse'] =
      statusCode >= 400
        ? { responseState: 'REPROMPT', responseBody: { TEXT: { body } } }
        : { responseBody: { TEXT: { body } } };
    return {
      messageVersion: '1.0',
      response: { actionGroup: target.actionGroup, function: target.functionName, functionResponse },
      sessionAttributes,
      promptSessionAttributes,
    };
  }
  const response: OpenApiActionResponse = {
    messageVersion: '1.0',
    response: {
      actionGroup: target.actionGroup,
      apiPath: target.apiPath,
      httpMethod: target.httpMethod,
      httpStatusCode: statusCode,
      responseBody: { 'application/json': { body } },
    },
    sessionAttributes,
    promptSessionAttributes,
  };
  return response;
}

/** UTF-8 size check; a UTF-16 unit is at most 3 UTF-8 bytes, so short bodies skip the byte count. */
export function fitsIn(body: string, maxBytes: number): boolean {
  return body.length * 3 <= maxBytes || Buffer.byteLength(body, 'utf8') <= maxBytes;
}

/** Serialises a handler's body (throws on BigInt or cycles). Function-details send a string body as is. */
export function serializeBody(body: unknown, forFunction: boolean): string {
  if (forFunction && typeof body === 'string') return body;
  return JSON.stringify(body) ?? '{}';
}

const FALLBACK_MESSAGE_CHARS = 100;
const FALLBACK_CODE_CHARS = 50;

/**
 * Serialises an error body `{ error, message, ...details }` within `maxBytes`, never throwing: details that
 * cannot be serialised or do not fit are dropped, then the message is shortened.
 */
export function serializeErrorBody(body: Record<string, unknown>, maxBytes: number): string {
  try {
    const full = JSON.stringify(body);
    if (fitsIn(full, maxBytes)) return full;
  } catch {
    // fall through to the short form
  }
  const code = typeof body.error === 'string' ? body.error.slice(0, FALLBACK_CODE_CHARS) : 'INTERNAL_ERROR';
  const message = typeof body.message === 'string' ? body.message : '';
  const short = JSON.stringify({ error: code, message });
  if (fitsIn(short, maxBytes)) return short;
  // With maxBytes >= 1024 this always fits: at most 6 bytes per UTF-16 unit once escaped.
  return JSON.stringify({ error: code, message: `${message.slice(0, FALLBACK_MESSAGE_CHARS)}…` });
}
