import { renderedAossPolicy } from '../iam';
import type { ResolvedResource } from './resolve-config';
import { PolicyRule } from './rules';
import type { Violation } from './statement-checks';

/** OpenSearch Serverless policies: not IAM documents, so the IAM statement rules do not read them. */
export const AOSS_POLICY_TYPES: readonly string[] = [
  'aws_opensearchserverless_access_policy',
  'aws_opensearchserverless_security_policy',
];

/** `collection/<name>`, `index/<collection>/<index>`, `dashboard/<name>`: the collection part is the scope. */
const AOSS_RESOURCE = /^(collection|index|dashboard)\/([^/]+)(\/.+)?$/;

interface ReadableRule {
  readonly Resource?: unknown;
  readonly Permission?: unknown;
}

/**
 * Checks an OpenSearch Serverless security or data access policy: every rule names its collections (no
 * `collection/*` or `collection/prefix*`), data access permissions are named (no `aoss:*`), and no statement
 * grants to everyone. Returns a violation per broken rule, or UNREADABLE_POLICY.
 */
export function checkAossPolicy({ address, attributes, rawAttributes }: ResolvedResource): Violation[] {
  const label = `${address}.policy`;
  const document = readAossPolicy(rawAttributes.policy, attributes.policy);
  const statements = Array.isArray(document) ? document : document === undefined ? [] : [document];
  const unreadable =
    statements.length === 0 || statements.some((statement) => !Array.isArray(statement?.Rules));
  if (unreadable) {
    return [
      {
        rule: PolicyRule.UNREADABLE_POLICY,
        message: `${label} is not an OpenSearch Serverless policy the rules can read`,
      },
    ];
  }
  const violations: Violation[] = [];
  statements.forEach((statement: { Rules: ReadableRule[]; Principal?: unknown }, index: number) => {
    const where = `${label} statement ${index}`;
    for (const rule of statement.Rules) {
      for (const resource of list(rule.Resource)) {
        const match = AOSS_RESOURCE.exec(resource);
        if (match === null || match[2]!.includes('*')) {
          violations.push({
            rule: PolicyRule.WILDCARD_RESOURCE,
            message: `${where} applies to ${JSON.stringify(resource)}, not to named collections`,
          });
        }
      }
      const wildcards = list(rule.Permission).filter((permission) => permission.includes('*'));
      if (wildcards.length > 0) {
        violations.push({
          rule: PolicyRule.WILDCARD_ACTION,
          message: `${where} allows wildcard permissions (${wildcards.join(', ')})`,
        });
      }
    }
    if (list(statement.Principal).includes('*')) {
      violations.push({ rule: PolicyRule.PUBLIC_PRINCIPAL, message: `${where} grants to any principal` });
    }
  });
  return violations;
}

// biome-ignore lint/suspicious/noExplicitAny: a policy of unknown shape is read defensively.
function readAossPolicy(rawValue: unknown, resolvedValue: unknown): any {
  const rendered = renderedAossPolicy(rawValue);
  if (rendered !== undefined) return rendered;
  if (typeof resolvedValue !== 'string') return undefined;
  try {
    return JSON.parse(resolvedValue);
  } catch {
    return undefined;
  }
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
