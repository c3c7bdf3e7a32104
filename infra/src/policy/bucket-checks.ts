import { readPolicy } from './policy-attributes';
import { type ResolvedResource, refersTo } from './resolve-config';
import { PolicyRule } from './rules';
import type { Violation } from './statement-checks';

/**
 * Checks every bucket of a stack against the companion resources that make it safe: a public access block
 * with all four flags, a default encryption configuration, a policy that denies plain-HTTP requests.
 */
export function checkBuckets(resources: readonly ResolvedResource[]): Map<ResolvedResource, Violation[]> {
  const result = new Map<ResolvedResource, Violation[]>();
  for (const bucket of resources.filter((resource) => resource.type === 'aws_s3_bucket')) {
    const name = bucket.attributes.bucket;
    const companions = (type: string) =>
      resources.filter(
        (resource) => resource.type === type && refersTo(resource.attributes.bucket, bucket.address, name),
      );
    const violations: Violation[] = [];

    const blocked = companions('aws_s3_bucket_public_access_block').some((block) =>
      ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].every(
        (flag) => block.attributes[flag] === true,
      ),
    );
    if (!blocked) {
      violations.push({
        rule: PolicyRule.BUCKET_PUBLIC_ACCESS,
        message: `${bucket.address} has no public access block with all four flags set`,
      });
    }

    const encrypted =
      companions('aws_s3_bucket_server_side_encryption_configuration').length > 0 ||
      bucket.attributes.server_side_encryption_configuration !== undefined;
    if (!encrypted) {
      violations.push({
        rule: PolicyRule.BUCKET_UNENCRYPTED,
        message: `${bucket.address} has no default encryption`,
      });
    }

    const policies = [...companions('aws_s3_bucket_policy'), bucket].map((holder) =>
      readPolicy(holder.rawAttributes.policy, holder.attributes.policy),
    );
    if (!policies.some(deniesInsecureTransport)) {
      violations.push({
        rule: PolicyRule.BUCKET_NOT_TLS_ONLY,
        message: `${bucket.address} has no policy denying requests with aws:SecureTransport false`,
      });
    }
    if (violations.length > 0) result.set(bucket, violations);
  }
  return result;
}

function deniesInsecureTransport(document: unknown): boolean {
  const statements = (document as { Statement?: unknown } | undefined)?.Statement;
  const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
  return list.some((statement: { Effect?: unknown; Condition?: Record<string, Record<string, unknown>> }) => {
    if (statement.Effect !== 'Deny') return false;
    const value = statement.Condition?.Bool?.['aws:SecureTransport'];
    return value === false || value === 'false';
  });
}
