import type { TracePart } from '@aws-sdk/client-bedrock-agent-runtime';
import fc from 'fast-check';
import { TraceRenderer } from '../../src/agent/trace-renderer';
import { traceSteps } from '../../src/agent/trace-steps';
import { TurnRecorder } from '../../src/agent/turn-recorder';
import { Style } from '../../src/output/style';
import { OperationCatalog } from '../../src/schema/operation-catalog';

// Trace rendering must never cost the answer: whatever shape a trace has, the renderer (--trace) and the
// recorder (--json, eval) take it without throwing. The generated traces use the real trace vocabulary as keys
// (so they reach deep into the reader) with values of any type and shape.

const catalog = OperationCatalog.orderManagement();

const TRACE_KEYS = [
  'trace',
  'orchestrationTrace',
  'preProcessingTrace',
  'postProcessingTrace',
  'routingClassifierTrace',
  'guardrailTrace',
  'failureTrace',
  'invocationInput',
  'actionGroupInvocationInput',
  'knowledgeBaseLookupInput',
  'observation',
  'actionGroupInvocationOutput',
  'knowledgeBaseLookupOutput',
  'retrievedReferences',
  'location',
  's3Location',
  'uri',
  'rationale',
  'text',
  'modelInvocationOutput',
  'metadata',
  'usage',
  'inputTokens',
  'outputTokens',
  'parsedResponse',
  'isValid',
  'parameters',
  'requestBody',
  'content',
  'application/json',
  'properties',
  'name',
  'value',
  'verb',
  'apiPath',
  'function',
  'actionGroupName',
  'action',
  'inputAssessments',
  'outputAssessments',
  'topicPolicy',
  'topics',
  'contentPolicy',
  'filters',
  'wordPolicy',
  'customWords',
  'sensitiveInformationPolicy',
  'piiEntities',
  'failureReason',
  'failureCode',
  'repromptResponse',
  'finalResponse',
] as const;

const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.anything({ maxDepth: 1 }),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...TRACE_KEYS), fc.string()), tie('node'), { maxKeys: 4 }),
  ),
}));
const tracePart = fc.oneof(node, fc.record({ trace: node }));

test('the renderer and the recorder take any trace without throwing', () => {
  fc.assert(
    fc.property(tracePart, (part) => {
      const lines: string[] = [];
      const renderer = new TraceRenderer((line) => lines.push(line), catalog, new Style(true));
      const recorder = new TurnRecorder('s', catalog);
      renderer.render(part as TracePart);
      recorder.onTrace(part as TracePart);
      recorder.onText('the answer');
      const result = recorder.result();
      expect(result.answer).toBe('the answer');
      expect(result.traces).toEqual([part]);
      for (const line of lines) expect(typeof line).toBe('string');
    }),
    { numRuns: 500 },
  );
});

test('a request body sent as { properties: [...] } is read like a list (it crashed --trace before)', () => {
  const part = {
    trace: {
      orchestrationTrace: {
        invocationInput: {
          actionGroupInvocationInput: {
            actionGroupName: 'order-management',
            verb: 'post',
            apiPath: '/orders/{orderId}/return',
            parameters: [{ name: 'orderId', type: 'string', value: 'ORD-1001' }],
            requestBody: {
              content: {
                'application/json': { properties: [{ name: 'reason', type: 'string', value: 'damaged' }] },
              },
            },
          },
        },
      },
    },
  } as unknown as TracePart;

  expect(traceSteps(part, catalog)).toEqual([
    expect.objectContaining({
      kind: 'action-call',
      operation: 'initiateReturn',
      parameters: { orderId: 'ORD-1001' },
      body: { reason: 'damaged' },
    }),
  ]);
});

test('a step the renderer cannot describe is shown as received', () => {
  const lines: string[] = [];
  const renderer = new TraceRenderer((line) => lines.push(line), catalog, new Style(false));
  renderer.render({ trace: { orchestrationTrace: { rationale: { text: 42 } } } } as unknown as TracePart);
  expect(lines).toEqual([
    '[trace] trace (shown as received): {"trace":{"orchestrationTrace":{"rationale":{"text":42}}}}',
  ]);
});
