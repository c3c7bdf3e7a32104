import { formatArguments } from '../output/format';
import type { ActionCall, ExpectationResult, Expectations, ExpectedCall, TurnResult } from '../types';

/** Checks one turn's expectations; each present key yields one result (one per string for text checks). */
export function checkExpectations(expect: Expectations, turn: TurnResult): ExpectationResult[] {
  const results: ExpectationResult[] = [];
  const ran = turn.actionCalls.filter(hasRun);
  const seen = describeCalls(turn.actionCalls);

  for (const wanted of expect.called ?? []) {
    const match = ran.find((call) => call.operation === wanted.operation && includesAll(call, wanted));
    results.push(
      result(`called ${describeExpectedCall(wanted)}`, match !== undefined, `calls seen: ${seen}`),
    );
  }
  for (const operation of expect.notCalled ?? []) {
    const calledIt = ran.some((call) => call.operation === operation);
    results.push(result(`did not call ${operation}`, !calledIt, `calls seen: ${seen}`));
  }
  if (expect.confirmationRequested) {
    const asked = turn.confirmations.some((request) => request.operation === expect.confirmationRequested);
    const askedFor = turn.confirmations.map((request) => request.operation).join(', ') || 'none';
    results.push(
      result(
        `asked to confirm ${expect.confirmationRequested}`,
        asked,
        `confirmations asked for: ${askedFor}`,
      ),
    );
  }
  const answer = turn.answer.toLowerCase();
  for (const text of expect.answerContains ?? []) {
    results.push(
      result(
        `answer contains "${text}"`,
        answer.includes(text.toLowerCase()),
        `answer: ${quote(turn.answer)}`,
      ),
    );
  }
  for (const text of expect.answerNotContains ?? []) {
    results.push(
      result(
        `answer does not contain "${text}"`,
        !answer.includes(text.toLowerCase()),
        `answer: ${quote(turn.answer)}`,
      ),
    );
  }
  if (expect.knowledgeBaseUsed !== undefined) {
    const used = turn.knowledgeBaseLookups.length > 0;
    results.push(
      result(
        expect.knowledgeBaseUsed ? 'used the knowledge base' : 'did not use the knowledge base',
        used === expect.knowledgeBaseUsed,
        used
          ? `lookups: ${turn.knowledgeBaseLookups.map((lookup) => JSON.stringify(lookup.query ?? '')).join(', ')}`
          : 'no lookup',
      ),
    );
  }
  if (expect.guardrailIntervened !== undefined) {
    const intervened = turn.guardrailInterventions.length > 0;
    results.push(
      result(
        expect.guardrailIntervened ? 'a guardrail intervened' : 'no guardrail intervention',
        intervened === expect.guardrailIntervened,
        intervened ? `intervention: ${turn.guardrailInterventions.join('; ')}` : 'no intervention',
      ),
    );
  }
  return results;
}

/** A call counts as run unless the user denied it or was never able to answer. */
function hasRun(call: ActionCall): boolean {
  return call.confirmation === undefined || call.confirmation === 'CONFIRM';
}

function includesAll(call: ActionCall, wanted: ExpectedCall): boolean {
  const sent: Record<string, string> = { ...call.body, ...call.parameters };
  return Object.entries(wanted.parameters ?? {}).every(
    ([name, value]) => sent[name]?.trim() === value.trim(),
  );
}

function describeExpectedCall(call: ExpectedCall): string {
  return call.parameters && Object.keys(call.parameters).length > 0
    ? `${call.operation} ${formatArguments(call.parameters)}`
    : call.operation;
}

function describeCalls(calls: readonly ActionCall[]): string {
  if (calls.length === 0) return 'none';
  return calls
    .map((call) => {
      const state =
        call.confirmation && call.confirmation !== 'CONFIRM' ? ` [${call.confirmation.toLowerCase()}]` : '';
      return `${call.operation} ${formatArguments(call.parameters, call.body)}${state}`;
    })
    .join('; ');
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 160 ? `${flat.slice(0, 160)}…` : flat);
}

function result(expectation: string, passed: boolean, detail: string): ExpectationResult {
  return { expectation, passed, detail: passed ? '' : detail };
}
