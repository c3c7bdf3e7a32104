import type { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { StateBucket } from '../../../src/constructs/state-bucket';
import { ConstructPropsError } from '../../../src/errors';
import { errorAnnotations, first, newStack, onlyResource, ref, resolved, statements } from '../../helpers';
import { inNewStack } from '../../support/construct-fixtures';

function build(days?: number) {
  const built = inNewStack((stack) => ({
    bucket: new StateBucket(stack, 'StateBucket', {
      bucketName: 'orders-state',
      ...(days === undefined ? {} : { noncurrentVersionExpirationDays: days }),
    }),
  }));
  return { stack: built.stack, json: built.json };
}

describe('StateBucket', () => {
  it('is versioned and protected from terraform destroy', () => {
    const { json } = build();
    expect(onlyResource(json, 'aws_s3_bucket')).toMatchObject({
      bucket: 'orders-state',
      lifecycle: { prevent_destroy: true },
    });
    expect(onlyResource(json, 'aws_s3_bucket_versioning').versioning_configuration).toEqual({
      status: 'Enabled',
    });
  });

  it('is encrypted by default and private', () => {
    const { json } = build();
    expect(
      first(onlyResource(json, 'aws_s3_bucket_server_side_encryption_configuration').rule),
    ).toMatchObject({
      apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' },
    });
    expect(JSON.stringify(json)).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(onlyResource(json, 'aws_s3_bucket_ownership_controls').rule).toEqual({
      object_ownership: 'BucketOwnerEnforced',
    });
  });

  it('denies every request that is not over TLS', () => {
    const { stack } = build();
    const bucket = stack.node.findChild('StateBucket') as StateBucket;
    const policy = bucket.node.findChild('tls-only-policy') as S3BucketPolicy;
    expect(resolved(stack, statements(policy.policyInput))).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [ref('aws_s3_bucket.state_bucket.arn'), `${ref('aws_s3_bucket.state_bucket.arn')}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
  });

  it('expires replaced state versions after 90 days by default', () => {
    const rule = first(onlyResource(build().json, 'aws_s3_bucket_lifecycle_configuration').rule);
    expect(rule.noncurrent_version_expiration).toEqual([{ noncurrent_days: 90 }]);
  });

  it('expires them after the configured number of days', () => {
    const rule = first(onlyResource(build(30).json, 'aws_s3_bucket_lifecycle_configuration').rule);
    expect(rule.noncurrent_version_expiration).toEqual([{ noncurrent_days: 30 }]);
  });

  it('passes every bucket policy rule', () => {
    expect(errorAnnotations(build().stack)).toEqual([]);
  });

  it('rejects an invalid bucket name', () => {
    expect(() => new StateBucket(newStack(), 'StateBucket', { bucketName: 'Orders_State' })).toThrow(
      ConstructPropsError,
    );
  });

  it('rejects an invalid expiry', () => {
    expect(() => build(0)).toThrow(/expire after 1-3650 days/);
  });
});
