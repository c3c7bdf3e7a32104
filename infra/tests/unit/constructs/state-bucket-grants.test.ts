import type { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { StateAccess, StateBucket } from '../../../src/constructs/state-bucket';
import { ConstructPropsError } from '../../../src/errors';
import { errorAnnotations, newStack, ref, resolved, statements, synth } from '../../helpers';

const PLAN = 'arn:aws:iam::444444444444:role/orders-dev-plan';
const APPLY = 'arn:aws:iam::444444444444:role/orders-dev-apply';
const BUCKET = ref('aws_s3_bucket.state_bucket.arn');
const STATE = `${BUCKET}/orders-dev/terraform.tfstate`;
const LOCK = `${STATE}.tflock`;
const who = (role: string) => ({
  Principal: { AWS: 'arn:aws:iam::444444444444:root' },
  Condition: { ArnEquals: { 'aws:PrincipalArn': role } },
});

function granted(...grants: Array<[string, string, StateAccess]>) {
  const stack = newStack();
  const bucket = new StateBucket(stack, 'StateBucket', { bucketName: 'orders-state' });
  for (const [role, key, access] of grants) bucket.grantStateAccess(role, key, access);
  const policy = bucket.node.findChild('tls-only-policy') as S3BucketPolicy;
  synth(stack);
  return { stack, bucket, statements: resolved(stack, statements(policy.policyInput)) };
}

describe('StateBucket.grantStateAccess', () => {
  it('lets a plan role list its prefix, read its state and lock file, and write only the lock file', () => {
    const { statements: list } = granted([PLAN, 'orders-dev/terraform.tfstate', StateAccess.planOnly]);
    expect(list.slice(1)).toEqual([
      {
        Sid: 'ListStateOrdersDevPlan444444444444',
        Effect: 'Allow',
        ...who(PLAN),
        Action: 's3:ListBucket',
        Resource: BUCKET,
        Condition: { ...who(PLAN).Condition, StringLike: { 's3:prefix': 'orders-dev/*' } },
      },
      {
        Sid: 'ReadStateOrdersDevPlan444444444444',
        Effect: 'Allow',
        ...who(PLAN),
        Action: 's3:GetObject',
        Resource: [STATE, LOCK],
      },
      {
        Sid: 'LockStateOrdersDevPlan444444444444',
        Effect: 'Allow',
        ...who(PLAN),
        Action: ['s3:PutObject', 's3:DeleteObject'],
        Resource: LOCK,
      },
    ]);
  });

  it('lets an apply role read, write and delete its state and lock file', () => {
    const { statements: list } = granted([APPLY, 'orders-dev/terraform.tfstate', StateAccess.readWrite]);
    expect(list.slice(2)).toEqual([
      {
        Sid: 'WriteStateOrdersDevApply444444444444',
        Effect: 'Allow',
        ...who(APPLY),
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: [STATE, LOCK],
      },
    ]);
  });

  it('keeps the TLS-only statement first, and the bucket passes every policy rule', () => {
    const { stack, statements: list } = granted(
      [PLAN, 'orders-dev/terraform.tfstate', StateAccess.planOnly],
      [APPLY, 'orders-dev/terraform.tfstate', StateAccess.readWrite],
    );
    expect(list[0]).toMatchObject({ Sid: 'DenyInsecureTransport', Effect: 'Deny' });
    expect(list).toHaveLength(6);
    expect(errorAnnotations(stack)).toEqual([]);
  });

  it.each([
    [
      'a user instead of a role',
      'arn:aws:iam::444444444444:user/ci',
      'orders-dev/terraform.tfstate',
      /is not an IAM role ARN/,
    ],
    ['a key without a prefix', PLAN, 'terraform.tfstate', /is not <prefix>\/<file>/],
    ['a key with a wildcard', PLAN, 'orders-*/terraform.tfstate', /is not <prefix>\/<file>/],
  ])('refuses %s', (_, role, key, message) => {
    const bucket = new StateBucket(newStack(), 'StateBucket', { bucketName: 'orders-state' });
    expect(() => bucket.grantStateAccess(role, key, StateAccess.planOnly)).toThrow(ConstructPropsError);
    expect(() => bucket.grantStateAccess(role, key, StateAccess.planOnly)).toThrow(message);
  });
});
