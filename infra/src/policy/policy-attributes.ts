import type { PolicyKind } from './statement-checks';

/** Where each resource type keeps its policy documents, and what kind of policy each one is. */
const POLICY_ATTRIBUTES: Readonly<Record<string, ReadonlyArray<readonly [string, PolicyKind]>>> = {
  aws_iam_role: [['assume_role_policy', 'trust']],
  aws_iam_role_policy: [['policy', 'identity']],
  aws_iam_policy: [['policy', 'identity']],
  aws_iam_user_policy: [['policy', 'identity']],
  aws_iam_group_policy: [['policy', 'identity']],
  aws_kms_key: [['policy', 'key']],
  aws_kms_key_policy: [['policy', 'key']],
  aws_cloudwatch_log_resource_policy: [['policy_document', 'resource']],
};

/** The policy documents of a resource's attributes, with their kind; any other `policy` is a resource policy. */
export function policyAttributes(
  type: string,
  attributes: Readonly<Record<string, unknown>>,
): Array<{ readonly name: string; readonly kind: PolicyKind; readonly value: unknown }> {
  const known = POLICY_ATTRIBUTES[type] ?? [['policy', 'resource']];
  const found = known
    .filter(([name]) => attributes[name] !== undefined)
    .map(([name, kind]) => ({ name, kind, value: attributes[name] }));
  // Inline policies of aws_iam_role (deprecated, but still accepted by the provider).
  const inline = attributes.inline_policy;
  if (type === 'aws_iam_role' && Array.isArray(inline)) {
    inline.forEach((entry: { policy?: unknown }, index) => {
      if (entry.policy !== undefined) found.push({ name: `inline_policy[${index}]`, kind: 'identity', value: entry.policy });
    });
  }
  return found;
}

/** The parsed document, or undefined when the value is not a literal JSON policy (an interpolation, say). */
export function parsePolicy(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) return value;
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
