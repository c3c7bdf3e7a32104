import { checkExpectations } from '../../src/eval/expectations';
import type { ActionCall, TurnResult } from '../../src/types';

function turn(overrides: Partial<TurnResult>): TurnResult {
  return {
    sessionId: 's',
    answer: '',
    citations: [],
    actionCalls: [],
    knowledgeBaseLookups: [],
    confirmations: [],
    guardrailInterventions: [],
    failures: [],
    usage: { inputTokens: 0, outputTokens: 0, modelCalls: 0 },
    traces: [],
    ...overrides,
  };
}

const returnCall = (confirmation?: ActionCall['confirmation']): ActionCall => ({
  actionGroup: 'g',
  operation: 'initiateReturn',
  parameters: { orderId: 'ORD-1001' },
  body: { reason: 'arrived damaged' },
  ...(confirmation ? { confirmation } : {}),
});

test('"called" matches a subset of parameters and body values', () => {
  const [match, wrongValue] = checkExpectations(
    {
      called: [
        { operation: 'initiateReturn', parameters: { orderId: 'ORD-1001', reason: 'arrived damaged' } },
        { operation: 'initiateReturn', parameters: { orderId: 'ORD-1002' } },
      ],
    },
    turn({ actionCalls: [returnCall()] }),
  );
  expect(match).toEqual({
    expectation: 'called initiateReturn orderId=ORD-1001 reason="arrived damaged"',
    passed: true,
    detail: '',
  });
  expect(wrongValue?.passed).toBe(false);
  expect(wrongValue?.detail).toBe('calls seen: initiateReturn orderId=ORD-1001 reason="arrived damaged"');
});

test('a denied call did not run: "called" fails and "notCalled" passes', () => {
  const results = checkExpectations(
    { called: [{ operation: 'initiateReturn' }], notCalled: ['initiateReturn'] },
    turn({ actionCalls: [returnCall('DENY')] }),
  );
  expect(results.map((result) => result.passed)).toEqual([false, true]);
  expect(results[0]?.detail).toContain('[deny]');
});

test('a confirmed call ran', () => {
  const [called] = checkExpectations(
    { called: [{ operation: 'initiateReturn' }] },
    turn({ actionCalls: [returnCall('CONFIRM')] }),
  );
  expect(called?.passed).toBe(true);
});

test('answer checks are case-insensitive, one result per text', () => {
  const results = checkExpectations(
    { answerContains: ['SHIPPED', 'tomorrow'], answerNotContains: ['error'] },
    turn({ answer: 'Your order has shipped.' }),
  );
  expect(results.map((result) => [result.expectation, result.passed])).toEqual([
    ['answer contains "SHIPPED"', true],
    ['answer contains "tomorrow"', false],
    ['answer does not contain "error"', true],
  ]);
});

test('knowledge base and guardrail expectations in both directions', () => {
  const used = turn({
    knowledgeBaseLookups: [{ query: 'returns', sources: [] }],
    guardrailInterventions: ['input: x'],
  });
  expect(
    checkExpectations({ knowledgeBaseUsed: true, guardrailIntervened: true }, used).every((r) => r.passed),
  ).toBe(true);
  const results = checkExpectations({ knowledgeBaseUsed: false, guardrailIntervened: false }, used);
  expect(results.map((result) => result.detail)).toEqual(['lookups: "returns"', 'intervention: input: x']);
});
