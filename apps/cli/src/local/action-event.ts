import { randomUUID } from 'node:crypto';
import { UsageError } from '../errors';
import type { OperationInfo } from '../schema/operation-catalog';

interface EventParameter {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

/** An OpenAPI action-group event exactly as Bedrock sends it to the Lambda (every value a string). */
export interface BedrockActionEvent {
  readonly messageVersion: '1.0';
  readonly agent: {
    readonly name: string;
    readonly id: string;
    readonly alias: string;
    readonly version: string;
  };
  readonly inputText: string;
  readonly sessionId: string;
  readonly actionGroup: string;
  readonly apiPath: string;
  readonly httpMethod: string;
  readonly parameters: EventParameter[];
  readonly requestBody?: {
    readonly content: { readonly 'application/json': { readonly properties: EventParameter[] } };
  };
  readonly sessionAttributes: Record<string, string>;
  readonly promptSessionAttributes: Record<string, string>;
}

export interface ActionEventOptions {
  readonly actionGroup: string;
  readonly sessionId?: string;
  /** Sent as the session attribute customerId, as the application that signed the customer in sets it. */
  readonly customerId?: string;
}

/** Splits `key=value` arguments (at the first "="), refusing duplicates and bare words. */
export function parseAssignments(args: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at <= 0) throw new UsageError(`"${arg}" is not key=value`);
    const key = arg.slice(0, at);
    if (values.has(key)) throw new UsageError(`${key} is given twice`);
    values.set(key, arg.slice(at + 1));
  }
  return values;
}

/**
 * Builds the event for `operation` from key=value pairs. The schema decides where each key goes: declared
 * parameters (path, query, header) into `parameters`, request body properties into `requestBody`. Unknown keys
 * are refused; missing required ones are returned so the caller can warn (the handler's answer to them is
 * worth seeing too).
 */
export function buildActionEvent(
  operation: OperationInfo,
  values: ReadonlyMap<string, string>,
  options: ActionEventOptions,
): { event: BedrockActionEvent; missing: string[] } {
  const parameterNames = new Set(operation.parameters.map((parameter) => parameter.name));
  const bodyNames = new Set(operation.body?.properties.map((property) => property.name) ?? []);
  for (const key of values.keys()) {
    if (!parameterNames.has(key) && !bodyNames.has(key)) {
      const allowed = [...parameterNames, ...bodyNames].join(', ') || 'none';
      throw new UsageError(
        `${operation.operationId} has no parameter or body property "${key}" (allowed: ${allowed})`,
      );
    }
  }
  const parameters = operation.parameters
    .filter((parameter) => values.has(parameter.name))
    .map((parameter) => ({
      name: parameter.name,
      type: parameter.type,
      value: values.get(parameter.name) ?? '',
    }));
  const properties = (operation.body?.properties ?? [])
    .filter((property) => values.has(property.name))
    .map((property) => ({
      name: property.name,
      type: property.type,
      value: values.get(property.name) ?? '',
    }));
  const missing = [
    ...operation.parameters.filter((parameter) => parameter.required && !values.has(parameter.name)),
    ...(operation.body?.properties ?? []).filter(
      (property) => property.required && !values.has(property.name),
    ),
  ].map((field) => field.name);

  const sessionId = options.sessionId ?? `local-${randomUUID()}`;
  const event: BedrockActionEvent = {
    messageVersion: '1.0',
    agent: { name: 'order-agent', id: 'LOCALAGENT', alias: 'LOCALALIAS', version: 'DRAFT' },
    inputText: `(order-agent action ${operation.operationId})`,
    sessionId,
    actionGroup: options.actionGroup,
    apiPath: operation.apiPath,
    httpMethod: operation.httpMethod,
    parameters,
    ...(operation.body ? { requestBody: { content: { 'application/json': { properties } } } } : {}),
    sessionAttributes: options.customerId === undefined ? {} : { customerId: options.customerId },
    promptSessionAttributes: {},
  };
  return { event, missing };
}
