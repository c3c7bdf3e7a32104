import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Construct } from 'constructs';
import {
  addPrivateBucket,
  BucketOnDestroy,
  checkBucketName,
  checkNoncurrentVersionDays,
} from './private-bucket';

export interface StateBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /**
   * Days a replaced state file version is kept (the history to roll back to).
   * @default 90
   */
  readonly noncurrentVersionExpirationDays?: number;
}

/**
 * The Terraform state bucket: versioned (every state write can be rolled back), encrypted, private (ACLs off,
 * public access blocked), TLS only, with old versions expiring. Terraform refuses to destroy it.
 */
export class StateBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly bucketName: string;
  public readonly bucketArn: string;

  public constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    checkBucketName(this.node.path, props.bucketName);
    const days = props.noncurrentVersionExpirationDays ?? 90;
    checkNoncurrentVersionDays(this.node.path, days);

    this.bucket = addPrivateBucket(this, {
      bucketName: props.bucketName,
      onDestroy: BucketOnDestroy.refuse,
      lifecycleRuleId: 'expire-old-state-versions',
      noncurrentVersionExpirationDays: days,
      bucketKeyEnabled: true,
    });
    this.bucketName = this.bucket.bucket;
    this.bucketArn = this.bucket.arn;
  }
}
