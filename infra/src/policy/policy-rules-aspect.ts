import { Annotations, type IAspect, TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { AOSS_POLICY_TYPES, checkAossPolicy } from './aoss-checks';
import { checkBuckets } from './bucket-checks';
import { checkBucketGrants } from './bucket-grant-checks';
import { policyAttributes } from './policy-attributes';
import { type ResolvedResource, resolveResource } from './resolve-config';
import { PolicyRule } from './rules';
import { checkPolicyDocument, type Violation } from './statement-checks';
import { findSuppression } from './suppressions';

/**
 * Fails the synth (an error annotation per broken rule, on the offending resource) when a stack breaks the
 * least-privilege rules in ./rules.ts. Add it to every stack: cdktf runs aspects per stack, not from the app.
 * A rule suppressed with suppressPolicyRule() on the resource or an ancestor becomes an info annotation
 * carrying the reviewed reason.
 */
export class PolicyRulesAspect implements IAspect {
  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const resources = node.node
      .findAll()
      .filter((construct): construct is TerraformResource => TerraformResource.isTerraformResource(construct))
      .map((resource) => resolveResource(node, resource));

    for (const resource of resources) report(resource.resource, checkResource(resource));
    for (const [bucket, violations] of checkBuckets(resources)) report(bucket.resource, violations);
  }
}

function checkResource(resource: ResolvedResource): Violation[] {
  const { type, address, attributes } = resource;
  const violations = policyAttributes(resource).flatMap(({ name, kind, document }) => {
    if (document === undefined) {
      return [
        {
          rule: PolicyRule.UNREADABLE_POLICY,
          message: `${address}.${name} is not a JSON policy document the rules can read`,
        },
      ];
    }
    const label = `${address}.${name}`;
    const grants = type === 'aws_s3_bucket_policy' ? checkBucketGrants(document, label) : [];
    return [...checkPolicyDocument(document, kind, label), ...grants];
  });
  if (AOSS_POLICY_TYPES.includes(type)) violations.push(...checkAossPolicy(resource));
  if (type === 'aws_lambda_permission') {
    const missing = ['source_account', 'source_arn'].filter((key) => typeof attributes[key] !== 'string');
    if (missing.length > 0) {
      violations.push({
        rule: PolicyRule.LAMBDA_PERMISSION_UNSCOPED,
        message: `${address} lets ${String(attributes.principal)} invoke without ${missing.join(' and ')}`,
      });
    }
  }
  return violations;
}

function report(resource: IConstruct, violations: readonly Violation[]): void {
  for (const violation of violations) {
    const suppression = findSuppression(resource, violation.rule);
    if (suppression === undefined) {
      Annotations.of(resource).addError(`[${violation.rule}] ${violation.message}`);
    } else {
      Annotations.of(resource).addInfo(`[${violation.rule}] suppressed: ${suppression.reason}`);
    }
  }
}
