import type {
  BedrockAgentInfo,
  BedrockAgentParameter,
  BedrockAgentRequestBody,
  FunctionActionEvent,
  OpenApiActionEvent,
} from '../types/events';

/**
 * Parameters or body properties for an event: a list as Bedrock sends it, or `{ name: value }` for the usual case
 * of string values (each becomes `{ name, type: 'string', value }`).
 */
export type EventParameters = readonly BedrockAgentParameter[] | Readonly<Record<string, string>>;

/** The agent every built event names, unless overridden. */
export const TEST_AGENT: BedrockAgentInfo = {
  name: 'order-assistant',
  id: 'AGNT7X2K9Q',
  alias: 'TSTALIASID',
  version: 'DRAFT',
};

/** One parameter as Bedrock sends it: the value is always a string; `type` is whatever the schema declared. */
export function param(name: string, value: string, type = 'string'): BedrockAgentParameter {
  return { name, type, value };
}

/** The list Bedrock sends for `parameters`. */
export function toParameters(values: EventParameters): BedrockAgentParameter[] {
  if (Array.isArray(values)) return [...values];
  return Object.entries(values).map(([name, value]) => param(name, value));
}

/** A flattened JSON request body, as Bedrock sends it for POST/PUT operations. */
export function jsonRequestBody(properties: EventParameters): BedrockAgentRequestBody {
  return { content: { 'application/json': { properties: toParameters(properties) } } };
}

/**
 * An event for an OpenAPI action group exactly as Amazon Bedrock sends it (every value a string), with
 * realistic agent and session data. Tests override only what they are about.
 */
export function openApiEvent(
  apiPath: string,
  httpMethod: string,
  parameters: EventParameters = [],
  overrides: Partial<OpenApiActionEvent> = {},
): OpenApiActionEvent {
  return {
    messageVersion: '1.0',
    agent: TEST_AGENT,
    inputText: 'Where is my order ORD-1001?',
    sessionId: '447512903318471',
    actionGroup: 'order-actions',
    apiPath,
    httpMethod,
    parameters: toParameters(parameters),
    sessionAttributes: { customerId: 'C-42' },
    promptSessionAttributes: { today: '2025-03-31' },
    ...overrides,
  };
}

/** An OpenAPI event with a flattened JSON body. */
export function openApiEventWithBody(
  apiPath: string,
  httpMethod: string,
  parameters: EventParameters,
  properties: EventParameters,
  overrides: Partial<OpenApiActionEvent> = {},
): OpenApiActionEvent {
  return openApiEvent(apiPath, httpMethod, parameters, {
    requestBody: jsonRequestBody(properties),
    ...overrides,
  });
}

/** An event for a function-details action group; `parameters` carry their declared types, values strings. */
export function functionEvent(
  fn: string,
  parameters: EventParameters = [],
  overrides: Partial<FunctionActionEvent> = {},
): FunctionActionEvent {
  return {
    messageVersion: '1.0',
    agent: TEST_AGENT,
    inputText: 'Where is my order ORD-1001?',
    sessionId: '447512903318471',
    actionGroup: 'order-functions',
    function: fn,
    parameters: toParameters(parameters),
    sessionAttributes: { customerId: 'C-42' },
    promptSessionAttributes: {},
    ...overrides,
  };
}
