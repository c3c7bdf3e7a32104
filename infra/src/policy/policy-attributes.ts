import { renderedDocument } from '../iam';
import type { ResolvedResource } from './resolve-config';
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
  // Not IAM documents: aoss-checks.ts reads them.
  aws_opensearchserverless_access_policy: [],
  aws_opensearchserverless_security_policy: [],
};

export interface PolicyAttribute {
  readonly name: string;
  readonly kind: PolicyKind;
  /** The document, or undefined when the rules cannot read it. */
  readonly document: unknown;
}

/** The policy documents of a resource's attributes, with their kind; any other `policy` is a resource policy. */
export function policyAttributes({ type, attributes, rawAttributes }: ResolvedResource): PolicyAttribute[] {
  const known = POLICY_ATTRIBUTES[type] ?? [['policy', 'resource']];
  const found = known
    .filter(([name]) => attributes[name] !== undefined)
    .map(([name, kind]) => ({ name, kind, document: readPolicy(rawAttributes[name], attributes[name]) }));
  // Inline policies of aws_iam_role (deprecated, but still accepted by the provider).
  const inline = attributes.inline_policy;
  const rawInline = rawAttributes.inline_policy as Array<{ policy?: unknown }> | undefined;
  if (type === 'aws_iam_role' && Array.isArray(inline)) {
    inline.forEach((entry: { policy?: unknown }, index) => {
      if (entry.policy === undefined) return;
      const document = readPolicy(rawInline?.[index]?.policy, entry.policy);
      found.push({ name: `inline_policy[${index}]`, kind: 'identity', document });
    });
  }
  return found;
}

/**
 * The document of a policy attribute: the one behind a renderPolicy() jsonencode() expression (looked up by
 * the unresolved value), or the parsed JSON literal; undefined when it is neither (another expression).
 */
export function readPolicy(rawValue: unknown, resolvedValue: unknown): unknown {
  const rendered = renderedDocument(rawValue);
  if (rendered !== undefined) return rendered;
  if (typeof resolvedValue !== 'string') return undefined;
  try {
    return JSON.parse(resolvedValue);
  } catch {
    return undefined;
  }
}
