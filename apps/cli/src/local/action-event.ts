import { randomUUID } from 'node:crypto';
import type { OpenApiActionEvent } from '@order-agent/action-handler';
import { jsonRequestBody, openApiEvent, param } from '@order-agent/action-handler/testing';
import { UsageError } from '../errors';
import type { OperationInfo, OperationInput } from '../schema/operation-catalog';

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
): { event: OpenApiActionEvent; missing: string[] } {
  const properties = operation.body?.properties ?? [];
  const known = [...operation.parameters, ...properties].map((input) => input.name);
  for (const key of values.keys()) {
    if (!known.includes(key)) {
      throw new UsageError(
        `${operation.operationId} has no parameter or body property "${key}" (allowed: ${known.join(', ') || 'none'})`,
      );
    }
  }
  const given = (inputs: readonly OperationInput[]) =>
    inputs.flatMap((input) => {
      const value = values.get(input.name);
      return value === undefined ? [] : [param(input.name, value, input.type)];
    });
  const missing = [...operation.parameters, ...properties]
    .filter((input) => input.required && !values.has(input.name))
    .map((input) => input.name);

  const event = openApiEvent(operation.apiPath, operation.httpMethod, given(operation.parameters), {
    agent: { name: 'order-agent', id: 'LOCALAGENT', alias: 'LOCALALIAS', version: 'DRAFT' },
    inputText: `(order-agent action ${operation.operationId})`,
    sessionId: options.sessionId ?? `local-${randomUUID()}`,
    actionGroup: options.actionGroup,
    ...(operation.body ? { requestBody: jsonRequestBody(given(properties)) } : {}),
    sessionAttributes: options.customerId === undefined ? {} : { customerId: options.customerId },
    promptSessionAttributes: {},
  });
  return { event, missing };
}
