import type { ReturnControlPayload } from '@aws-sdk/client-bedrock-agent-runtime';
import { CliError, ErrorKind } from '../errors';
import type { OperationCatalog } from '../schema/operation-catalog';
import type { ConfirmationRequest } from '../types';
import { toRecord } from './trace-steps';

const USER_CONFIRMATION = 'USER_CONFIRMATION';

/**
 * The confirmations a returnControl event asks for. Plain return-of-control (the client is expected to run the
 * action itself) is not something this CLI can do, so it is reported instead of being answered wrongly.
 */
export function confirmationRequestsOf(
  payload: ReturnControlPayload,
  catalog: OperationCatalog,
): ConfirmationRequest[] {
  const invocationId = payload.invocationId ?? '';
  return (payload.invocationInputs ?? []).map((input) => {
    const api = input.apiInvocationInput;
    const fn = input.functionInvocationInput;
    const type = api?.actionInvocationType ?? fn?.actionInvocationType;
    if (type !== USER_CONFIRMATION) {
      const what = api ? `${api.httpMethod ?? '?'} ${api.apiPath ?? '?'}` : (fn?.function ?? 'an action');
      throw new CliError(
        ErrorKind.FAILURE,
        `the agent returned control to run ${what} (${type ?? 'RESULT'}); this CLI only answers USER_CONFIRMATION requests`,
      );
    }
    if (api) {
      const call = { httpMethod: api.httpMethod?.toUpperCase(), apiPath: api.apiPath };
      return {
        invocationId,
        actionGroup: api.actionGroup ?? '',
        operation: catalog.nameFor(call),
        ...(call.httpMethod ? { httpMethod: call.httpMethod } : {}),
        ...(api.httpMethod ? { sentHttpMethod: api.httpMethod } : {}),
        ...(call.apiPath ? { apiPath: call.apiPath } : {}),
        ...(api.agentId ? { agentId: api.agentId } : {}),
        parameters: toRecord(api.parameters),
        body: toRecord(api.requestBody?.content?.['application/json']?.properties),
      };
    }
    return {
      invocationId,
      actionGroup: fn?.actionGroup ?? '',
      operation: fn?.function ?? '?',
      ...(fn?.function ? { functionName: fn.function } : {}),
      ...(fn?.agentId ? { agentId: fn.agentId } : {}),
      parameters: toRecord(fn?.parameters),
      body: {},
    };
  });
}
