import { Construct } from 'constructs';
import { addPrivateBucket, BucketOnDestroy } from '../../../src/constructs/private-bucket';
import { first, newStack, onlyResource, resources, synth } from '../../helpers';

function build(props: Partial<Parameters<typeof addPrivateBucket>[1]> = {}) {
  const stack = newStack();
  const owner = new Construct(stack, 'ReportsArchive');
  addPrivateBucket(owner, {
    bucketName: 'reports-archive',
    onDestroy: BucketOnDestroy.refuse,
    lifecycleRuleId: 'expire-old-report-versions',
    ...props,
  });
  return synth(stack);
}

describe('addPrivateBucket', () => {
  it("names the bucket after its owner's id and keeps every control in the owner's scope", () => {
    const json = build();
    expect(Object.keys(resources(json, 'aws_s3_bucket'))).toEqual(['reports_archive_bucket']);
    for (const [type, id] of [
      ['aws_s3_bucket_versioning', 'versioning'],
      ['aws_s3_bucket_server_side_encryption_configuration', 'encryption'],
      ['aws_s3_bucket_public_access_block', 'public-access-block'],
      ['aws_s3_bucket_ownership_controls', 'ownership'],
      ['aws_s3_bucket_lifecycle_configuration', 'lifecycle'],
      ['aws_s3_bucket_policy', 'tls-only-policy'],
    ] as const) {
      expect(Object.keys(resources(json, type))).toEqual([expect.stringMatching(`^ReportsArchive_${id}_`)]);
    }
  });

  it('refuses destroy, or lets Terraform empty the bucket, as asked', () => {
    const refused = onlyResource(build(), 'aws_s3_bucket');
    expect(refused).toMatchObject({ lifecycle: { prevent_destroy: true } });
    expect(refused).not.toHaveProperty('force_destroy');
    const emptied = onlyResource(build({ onDestroy: BucketOnDestroy.empty }), 'aws_s3_bucket');
    expect(emptied).toMatchObject({ force_destroy: true });
    expect(emptied).not.toHaveProperty('lifecycle');
  });

  it('expires old versions after 90 days by default, under the given rule id', () => {
    expect(first(onlyResource(build(), 'aws_s3_bucket_lifecycle_configuration').rule)).toMatchObject({
      id: 'expire-old-report-versions',
      noncurrent_version_expiration: [{ noncurrent_days: 90 }],
      abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
    });
    const json = build({ noncurrentVersionExpirationDays: 30 });
    expect(first(onlyResource(json, 'aws_s3_bucket_lifecycle_configuration').rule)).toMatchObject({
      noncurrent_version_expiration: [{ noncurrent_days: 30 }],
    });
  });

  it('sets the S3 bucket key only when asked', () => {
    const rule = (json: ReturnType<typeof build>) =>
      first(onlyResource(json, 'aws_s3_bucket_server_side_encryption_configuration').rule);
    expect(rule(build())).toEqual({ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } });
    expect(rule(build({ bucketKeyEnabled: true }))).toEqual({
      apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' },
      bucket_key_enabled: true,
    });
  });
});
