import type { IConstruct } from 'constructs';
import { InfraError } from '../errors';
import type { PolicyRuleId } from './rules';

/** Metadata type of a suppression, on the construct it was added to. */
export const SUPPRESSION_METADATA_TYPE = 'order-agent/policy-suppression';

export interface PolicySuppression {
  readonly rule: PolicyRuleId;
  readonly reason: string;
}

/**
 * Accepts a reviewed exception to one policy rule for `scope` and everything below it. The reason is shown in
 * the synth output next to the rule it silences, so keep it specific (at least 20 characters): why the rule
 * cannot hold here and what bounds the risk.
 */
export function suppressPolicyRule(scope: IConstruct, rule: PolicyRuleId, reason: string): void {
  if (reason.trim().length < 20) {
    throw new InfraError(
      `${scope.node.path}: a suppression of ${rule} needs a reason of at least 20 characters`,
    );
  }
  scope.node.addMetadata(SUPPRESSION_METADATA_TYPE, {
    rule,
    reason: reason.trim(),
  } satisfies PolicySuppression);
}

/** The suppression of `rule` on the construct or its nearest ancestor that has one. */
export function findSuppression(construct: IConstruct, rule: PolicyRuleId): PolicySuppression | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const entry = scope.node.metadata.find(
      (metadata) =>
        metadata.type === SUPPRESSION_METADATA_TYPE && (metadata.data as PolicySuppression).rule === rule,
    );
    if (entry !== undefined) return entry.data as PolicySuppression;
  }
  return undefined;
}
