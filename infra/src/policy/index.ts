export { PolicyRulesAspect } from './policy-rules-aspect';
export type { PolicyRuleId } from './rules';
export { ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS, PolicyRule } from './rules';
export type { PolicyKind, Violation } from './statement-checks';
export { checkPolicyDocument } from './statement-checks';
export type { PolicySuppression } from './suppressions';
export { findSuppression, SUPPRESSION_METADATA_TYPE, suppressPolicyRule } from './suppressions';
