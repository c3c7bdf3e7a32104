import { asList, type PolicyStatement } from '../iam';
import { PolicyRule } from './rules';
import type { Violation } from './statement-checks';

/** A bucket-level action: its resource is the bucket, so only an `s3:prefix` condition narrows it. */
const BUCKET_LEVEL_ACTIONS = ['s3:ListBucket', 's3:ListBucketVersions'];

/**
 * Checks the grants of a bucket policy (Allow statements to an AWS principal): each reaches one top-level key
 * prefix at most (one environment's state), names that prefix without a wildcard, lists the bucket only with an
 * `s3:prefix` condition inside it, and no principal gets two prefixes across statements. A principal is its
 * `aws:PrincipalArn` condition when it has one (an account granted for one role), else its `AWS` value.
 */
export function checkBucketGrants(document: unknown, label: string): Violation[] {
  const statements = (document as { Statement?: unknown } | undefined)?.Statement;
  const list = (Array.isArray(statements) ? statements : []) as PolicyStatement[];
  const violations: Violation[] = [];
  const prefixesByPrincipal = new Map<string, Set<string>>();

  list.forEach((statement, index) => {
    const aws =
      statement.Principal === undefined || statement.Principal === '*' ? [] : asList(statement.Principal.AWS);
    if (statement.Effect !== 'Allow' || aws.length === 0 || aws.includes('*')) return;
    const where = `${label} statement ${statement.Sid ?? index}`;
    const scopes: string[] = [];
    const resources = asList(statement.Resource);
    for (const resource of resources.filter((entry) => entry.includes('/'))) {
      scopes.push(resource.slice(resource.indexOf('/') + 1));
    }
    const actions = asList(statement.Action);
    const bucketLevel =
      resources.some((resource) => !resource.includes('/')) ||
      actions.some((action) => BUCKET_LEVEL_ACTIONS.includes(action));
    if (bucketLevel) {
      const prefixes = asList(
        statement.Condition?.StringLike?.['s3:prefix'] as string | string[] | undefined,
      ).concat(asList(statement.Condition?.StringEquals?.['s3:prefix'] as string | string[] | undefined));
      if (prefixes.length === 0) {
        violations.push({
          rule: PolicyRule.BUCKET_GRANT_SPANS_PREFIXES,
          message: `${where} lets ${aws.join(', ')} list the whole bucket (no s3:prefix condition)`,
        });
      }
      scopes.push(...prefixes);
    }
    const tops = new Set(scopes.map(topPrefix));
    const spanning = [...tops].filter((top) => top === undefined || /[*?]/.test(top));
    if (spanning.length > 0 || tops.size > 1) {
      violations.push({
        rule: PolicyRule.BUCKET_GRANT_SPANS_PREFIXES,
        message: `${where} reaches ${scopes.map((scope) => JSON.stringify(scope)).join(', ')}: not confined to one named top-level prefix`,
      });
    }
    // A statement already reported is not counted again across statements.
    const [top] = tops;
    if (spanning.length > 0 || tops.size !== 1 || top === undefined) return;
    const who = principalKey(aws, statement);
    prefixesByPrincipal.set(who, (prefixesByPrincipal.get(who) ?? new Set<string>()).add(top));
  });

  for (const [who, tops] of prefixesByPrincipal) {
    if (tops.size > 1) {
      violations.push({
        rule: PolicyRule.BUCKET_GRANT_SPANS_PREFIXES,
        message: `${label} grants ${who} the prefixes ${[...tops].sort().join(', ')}: one principal, one prefix`,
      });
    }
  }
  return violations;
}

/** `order-agent-dev` of `order-agent-dev/terraform.tfstate`; undefined when there is no folder to stay in. */
function topPrefix(key: string): string | undefined {
  const slash = key.indexOf('/');
  return slash <= 0 ? undefined : key.slice(0, slash);
}

function principalKey(aws: readonly string[], statement: PolicyStatement): string {
  const conditioned = Object.values(statement.Condition ?? {}).flatMap((block) =>
    Object.entries(block)
      .filter(([key]) => key.toLowerCase() === 'aws:principalarn')
      .flatMap(([, value]) => asList(value as string | string[])),
  );
  // The role an account-wide principal is narrowed to is the one that matters.
  return (conditioned.length > 0 ? conditioned : aws).slice().sort().join(' ');
}
