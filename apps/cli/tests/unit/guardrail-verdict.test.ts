import type { ApplyGuardrailResponse } from '@aws-sdk/client-bedrock-runtime';
import { readVerdict } from '../../src/guardrail/guardrail-verdict';

const usage = {
  topicPolicyUnits: 1,
  contentPolicyUnits: 1,
  wordPolicyUnits: 0,
} as ApplyGuardrailResponse['usage'];

function response(
  action: 'NONE' | 'GUARDRAIL_INTERVENED',
  assessments: ApplyGuardrailResponse['assessments'],
) {
  return { usage, action, outputs: [], assessments } as ApplyGuardrailResponse;
}

describe('readVerdict', () => {
  it('passes what the guardrail did not intervene on', () => {
    expect(readVerdict(response('NONE', [{}]))).toEqual({ outcome: 'passed', blockedBy: [], maskedBy: [] });
  });

  it('names every policy that blocked, whatever the policy kind', () => {
    const verdict = readVerdict(
      response('GUARDRAIL_INTERVENED', [
        {
          topicPolicy: { topics: [{ name: 'Politics', type: 'DENY', action: 'BLOCKED' }] },
          contentPolicy: {
            filters: [
              { type: 'VIOLENCE', confidence: 'HIGH', action: 'BLOCKED' },
              { type: 'HATE', confidence: 'NONE', action: 'NONE' },
            ],
          },
          sensitiveInformationPolicy: {
            piiEntities: [
              { match: '4111 1111 1111 1111', type: 'CREDIT_DEBIT_CARD_NUMBER', action: 'BLOCKED' },
            ],
            regexes: [],
          },
        },
      ]),
    );
    expect(verdict).toEqual({
      outcome: 'blocked',
      blockedBy: ['topic Politics', 'content VIOLENCE', 'pii CREDIT_DEBIT_CARD_NUMBER'],
      maskedBy: [],
    });
  });

  it('counts an intervention that only masked personal data as masked, not blocked', () => {
    const verdict = readVerdict(
      response('GUARDRAIL_INTERVENED', [
        {
          sensitiveInformationPolicy: {
            piiEntities: [
              { match: 'sam@example.com', type: 'EMAIL', action: 'ANONYMIZED' },
              { match: '+44 20 7946 0958', type: 'PHONE', action: 'ANONYMIZED' },
            ],
            regexes: [],
          },
        },
      ]),
    );
    expect(verdict).toEqual({ outcome: 'masked', blockedBy: [], maskedBy: ['pii EMAIL', 'pii PHONE'] });
  });

  it('counts an intervention with no finding as blocked (the user saw the blocked message)', () => {
    expect(readVerdict(response('GUARDRAIL_INTERVENED', [])).outcome).toBe('blocked');
  });
});
