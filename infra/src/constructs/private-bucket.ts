import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { Construct } from 'constructs';
import { BUCKET_NAME_PATTERN, isWithin, LIMITS } from '../config/rules';
import { type PolicyStatement, policyDocument, renderPolicy } from '../iam';
import { stableLogicalId } from './logical-id';
import { checkProp } from './prop-checks';

/** What `terraform destroy` does with the bucket. */
export const BucketOnDestroy = {
  /** `lifecycle.prevent_destroy`: Terraform refuses (data that cannot be recreated). */
  refuse: 'refuse',
  /** `force_destroy`: Terraform empties and deletes it (copies of files kept elsewhere). */
  empty: 'empty',
} as const;
export type BucketOnDestroy = (typeof BucketOnDestroy)[keyof typeof BucketOnDestroy];

export interface PrivateBucketProps {
  /** Globally unique bucket name (the caller has validated it). */
  readonly bucketName: string;
  /** What `terraform destroy` does with the bucket. */
  readonly onDestroy: BucketOnDestroy;
  /** Id of the lifecycle rule that expires old versions, e.g. `expire-old-state-versions`. */
  readonly lifecycleRuleId: string;
  /**
   * Days a replaced or deleted object version is kept (the caller has validated it).
   * @default 90
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Whether SSE-S3 uses an S3 bucket key (fewer encryption requests for buckets written often).
   * @default false
   */
  readonly bucketKeyEnabled?: boolean;
}

/**
 * Adds to `scope` a private bucket and its controls: versioned, encrypted (SSE-S3), ACLs off, public access
 * blocked, TLS only, old versions expiring and incomplete uploads aborted after 7 days.
 *
 * A function rather than a construct on purpose: the resources are created directly in `scope` under the ids
 * `bucket`, `versioning`, `encryption`, `public-access-block`, `ownership`, `lifecycle` and `tls-only-policy`,
 * so their Terraform addresses stay those of the owning construct; the bucket's own address is
 * `stableLogicalId(<scope id>, 'bucket')`.
 */
export function addPrivateBucket(scope: Construct, props: PrivateBucketProps): S3Bucket {
  const noncurrentDays = props.noncurrentVersionExpirationDays ?? 90;
  const bucket = new S3Bucket(scope, 'bucket', {
    bucket: props.bucketName,
    ...(props.onDestroy === BucketOnDestroy.empty
      ? { forceDestroy: true }
      : { lifecycle: { preventDestroy: true } }),
  });
  bucket.overrideLogicalId(stableLogicalId(scope.node.id, 'bucket'));

  new S3BucketVersioningA(scope, 'versioning', {
    bucket: bucket.id,
    versioningConfiguration: { status: 'Enabled' },
  });
  new S3BucketServerSideEncryptionConfigurationA(scope, 'encryption', {
    bucket: bucket.id,
    rule: [
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' },
        ...(props.bucketKeyEnabled === true ? { bucketKeyEnabled: true } : {}),
      },
    ],
  });
  new S3BucketPublicAccessBlock(scope, 'public-access-block', {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, 'ownership', {
    bucket: bucket.id,
    rule: { objectOwnership: 'BucketOwnerEnforced' },
  });
  new S3BucketLifecycleConfiguration(scope, 'lifecycle', {
    bucket: bucket.id,
    rule: [
      {
        id: props.lifecycleRuleId,
        status: 'Enabled',
        filter: [{}],
        noncurrentVersionExpiration: [{ noncurrentDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      },
    ],
  });
  // The bucket's one policy (S3 keeps one per bucket): owners that grant access replace its document with
  // the TLS statement plus their grants (StateBucket.grantStateAccess); the id stays, so the address does.
  new S3BucketPolicy(scope, 'tls-only-policy', {
    bucket: bucket.id,
    policy: renderPolicy(policyDocument([denyInsecureTransport(bucket.arn)])),
  });
  return bucket;
}

/** The bucket-name check of the constructs that create a private bucket. */
export function checkBucketName(path: string, bucketName: string): void {
  checkProp(
    path,
    bucketName,
    (name) => BUCKET_NAME_PATTERN.test(name),
    `${JSON.stringify(bucketName)} is not a bucket name`,
  );
}

/** The noncurrent-version expiry check of the constructs that create a private bucket. */
export function checkNoncurrentVersionDays(path: string, days: number): void {
  const limit = LIMITS.noncurrentVersionExpirationDays;
  checkProp(
    path,
    days,
    (value) => isWithin(value, limit),
    `noncurrent versions must expire after ${limit.min}-${limit.max} days`,
  );
}

/** The bucket policy statement that refuses every request not made over TLS. */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
