import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { Construct } from 'constructs';
import { ROLE_ARN_PATTERN } from '../config/rules';
import { ConstructPropsError } from '../errors';
import { type PolicyStatement, policyDocument, renderPolicy } from '../iam';
import {
  addPrivateBucket,
  BucketOnDestroy,
  checkBucketName,
  checkNoncurrentVersionDays,
  denyInsecureTransport,
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

/** What a role may do with one stack's state. */
export const StateAccess = {
  /** Read the state; write and delete only the lock file (`terraform plan` takes the lock). */
  planOnly: 'planOnly',
  /** Read, write and delete the state and its lock file (`terraform apply`). */
  readWrite: 'readWrite',
} as const;
export type StateAccess = (typeof StateAccess)[keyof typeof StateAccess];

/** `<prefix>/<file>`: one folder of plain characters, so the grant's prefix cannot reach a neighbour's. */
const STATE_KEY = /^([A-Za-z0-9._-]+)\/([A-Za-z0-9._-]+)$/;

/**
 * The Terraform state bucket: versioned (every state write can be rolled back), encrypted, private (ACLs off,
 * public access blocked), TLS only, with old versions expiring. Terraform refuses to destroy it.
 */
export class StateBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly bucketName: string;
  public readonly bucketArn: string;
  private readonly policy: S3BucketPolicy;
  private readonly grants: PolicyStatement[] = [];

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
    this.policy = this.node.findChild('tls-only-policy') as S3BucketPolicy;
  }

  /**
   * Lets one role (usually of another account) reach one stack's state and nothing else: list the bucket only
   * under the state's prefix, get the state object and its `<key>.tflock` lock file, and write or delete the lock
   * file (`planOnly`) or both (`readWrite`). Granted to the role's account with an `aws:PrincipalArn` condition,
   * so the policy can be applied before the role exists and still holds after the role is re-created.
   */
  public grantStateAccess(roleArn: string, stateKey: string, access: StateAccess): void {
    const role = ROLE_ARN_PATTERN.exec(roleArn);
    if (role === null) throw new ConstructPropsError(`${this.node.path}: ${roleArn} is not an IAM role ARN`);
    const [, partition, accountId, roleName] = role;
    const statements = this.accessStatements(stateKey, access);
    const sid = `${pascalCase(roleName!)}${accountId}`;
    for (const statement of statements) {
      this.grants.push({
        ...statement,
        Sid: `${statement.Sid}${sid}`,
        Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
        Condition: { ...statement.Condition, ArnEquals: { 'aws:PrincipalArn': roleArn } },
      });
    }
    this.policy.policy = renderPolicy(
      policyDocument([denyInsecureTransport(this.bucketArn), ...this.grants]),
    );
  }

  private accessStatements(stateKey: string, access: StateAccess): PolicyStatement[] {
    try {
      return stateAccessStatements(this.bucketArn, stateKey, access);
    } catch (error) {
      throw new ConstructPropsError(`${this.node.path}: ${(error as Error).message}`);
    }
  }
}

/**
 * What one stack's state access is, as statements without a principal (the identity policy of a role, or a
 * bucket grant once a principal is added): list only under the state's prefix, get the state and its
 * `<key>.tflock`, and put/delete the lock file (`planOnly`) or both (`readWrite`).
 */
export function stateAccessStatements(
  bucketArn: string,
  stateKey: string,
  access: StateAccess,
): PolicyStatement[] {
  const key = STATE_KEY.exec(stateKey);
  if (key === null) throw new Error(`state key ${JSON.stringify(stateKey)} is not <prefix>/<file>`);
  const state = `${bucketArn}/${stateKey}`;
  const lock = `${state}.tflock`;
  const list: PolicyStatement = {
    Sid: 'ListState',
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: bucketArn,
    Condition: { StringLike: { 's3:prefix': `${key[1]}/*` } },
  };
  if (access === StateAccess.readWrite) {
    return [
      list,
      {
        Sid: 'WriteState',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: [state, lock],
      },
    ];
  }
  return [
    list,
    { Sid: 'ReadState', Effect: 'Allow', Action: 's3:GetObject', Resource: [state, lock] },
    { Sid: 'LockState', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: lock },
  ];
}

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
