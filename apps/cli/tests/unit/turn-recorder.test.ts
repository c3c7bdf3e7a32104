import type { TracePart } from '@aws-sdk/client-bedrock-agent-runtime';
import { TurnRecorder } from '../../src/agent/turn-recorder';
import { OperationCatalog } from '../../src/schema/operation-catalog';
import type { ConfirmationRequest } from '../../src/types';

const catalog = OperationCatalog.orderManagement();

const returnInvocation: TracePart = {
  trace: {
    orchestrationTrace: {
      invocationInput: {
        actionGroupInvocationInput: {
          actionGroupName: 'g',
          verb: 'post',
          apiPath: '/orders/{orderId}/return',
          parameters: [{ name: 'orderId', type: 'string', value: 'ORD-1001' }],
          requestBody: {
            content: { 'application/json': [{ name: 'reason', type: 'string', value: 'damaged' }] },
          },
        },
      },
    },
  },
};
const returnOutput: TracePart = {
  trace: {
    orchestrationTrace: { observation: { actionGroupInvocationOutput: { text: '{"returnId":"RET-1001"}' } } },
  },
};
const request: ConfirmationRequest = {
  invocationId: 'inv',
  actionGroup: 'g',
  operation: 'initiateReturn',
  httpMethod: 'POST',
  apiPath: '/orders/{orderId}/return',
  parameters: { orderId: 'ORD-1001' },
  body: { reason: 'damaged' },
};

test('a confirmed call and the trace of its execution are one call, with its output', () => {
  const recorder = new TurnRecorder('s', catalog);
  recorder.onConfirmationRequested(request);
  recorder.onConfirmationAnswered(request, 'CONFIRM');
  recorder.onTrace(returnInvocation);
  recorder.onTrace(returnOutput);

  expect(recorder.result().actionCalls).toEqual([
    {
      actionGroup: 'g',
      operation: 'initiateReturn',
      httpMethod: 'POST',
      apiPath: '/orders/{orderId}/return',
      parameters: { orderId: 'ORD-1001' },
      body: { reason: 'damaged' },
      confirmation: 'CONFIRM',
      output: '{"returnId":"RET-1001"}',
    },
  ]);
});

test('a call traced before its confirmation request is the same call; denied, it gets no output', () => {
  const recorder = new TurnRecorder('s', catalog);
  recorder.onTrace(returnInvocation);
  recorder.onConfirmationRequested(request);
  recorder.onConfirmationAnswered(request, 'DENY');

  const [call, ...others] = recorder.result().actionCalls;
  expect(others).toEqual([]);
  expect(call?.confirmation).toBe('DENY');
  expect(call?.output).toBeUndefined();
});

test('two separate lookups are two calls', () => {
  const recorder = new TurnRecorder('s', catalog);
  const lookup: TracePart = {
    trace: {
      orchestrationTrace: {
        invocationInput: {
          actionGroupInvocationInput: {
            actionGroupName: 'g',
            verb: 'get',
            apiPath: '/orders/{orderId}',
            parameters: [],
          },
        },
      },
    },
  };
  recorder.onTrace(lookup);
  recorder.onTrace(lookup);
  expect(recorder.result().actionCalls.map((call) => call.operation)).toEqual([
    'getOrderStatus',
    'getOrderStatus',
  ]);
});
