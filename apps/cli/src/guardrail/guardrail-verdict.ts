import type { ApplyGuardrailResponse, GuardrailAssessment } from '@aws-sdk/client-bedrock-runtime';
import type { GuardrailVerdict } from '../types';

interface Finding {
  readonly policy: string;
  readonly action: string | undefined;
}

/**
 * Reads what ApplyGuardrail did. `GUARDRAIL_INTERVENED` alone does not mean blocked: masking an e-mail address
 * intervenes too, and the masked message still reaches the agent. So the assessments decide: any finding with
 * action BLOCKED blocks; an intervention whose findings are all ANONYMIZED masks; an intervention with no
 * finding at all is counted as blocked (the user saw the blocked message, whatever the reason).
 */
export function readVerdict(response: ApplyGuardrailResponse): GuardrailVerdict {
  const findings = (response.assessments ?? []).flatMap(findingsOf);
  const blockedBy = unique(findings.filter((f) => f.action === 'BLOCKED').map((f) => f.policy));
  const maskedBy = unique(findings.filter((f) => f.action === 'ANONYMIZED').map((f) => f.policy));
  if (response.action !== 'GUARDRAIL_INTERVENED') return { outcome: 'passed', blockedBy: [], maskedBy };
  if (blockedBy.length > 0 || maskedBy.length === 0) return { outcome: 'blocked', blockedBy, maskedBy };
  return { outcome: 'masked', blockedBy, maskedBy };
}

function findingsOf(assessment: GuardrailAssessment): Finding[] {
  const words = assessment.wordPolicy;
  const sensitive = assessment.sensitiveInformationPolicy;
  return [
    ...(assessment.topicPolicy?.topics ?? []).map((t) => ({ policy: `topic ${t.name}`, action: t.action })),
    ...(assessment.contentPolicy?.filters ?? []).map((f) => ({
      policy: `content ${f.type}`,
      action: f.action,
    })),
    ...(words?.customWords ?? []).map((w) => ({ policy: `word ${w.match}`, action: w.action })),
    ...(words?.managedWordLists ?? []).map((w) => ({ policy: `word list ${w.type}`, action: w.action })),
    ...(sensitive?.piiEntities ?? []).map((p) => ({ policy: `pii ${p.type}`, action: p.action })),
    ...(sensitive?.regexes ?? []).map((r) => ({ policy: `regex ${r.name ?? r.regex}`, action: r.action })),
    ...(assessment.contextualGroundingPolicy?.filters ?? []).map((f) => ({
      policy: `grounding ${f.type}`,
      action: f.action,
    })),
  ];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
