import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { type PolicyStatement, policyDocument, renderPolicy } from '../../../src/iam';
import { PolicyRule } from '../../../src/policy';
import { errorAnnotations, newStack, synth } from '../../helpers';

const BUCKET = 'arn:aws:s3:::orders-state';
const DEV_PLAN = 'arn:aws:iam::111111111111:role/orders-dev-plan';

/** The error messages a stack holding one bucket policy with these statements gets. */
function bucketPolicyErrors(...statementList: PolicyStatement[]): string[] {
  const stack = newStack();
  new S3BucketPolicy(stack, 'policy', {
    bucket: 'orders-state',
    policy: renderPolicy(policyDocument(statementList)),
  });
  synth(stack);
  return errorAnnotations(stack);
}

const grant = (
  Action: string | string[],
  Resource: string | string[],
  extra: Partial<PolicyStatement> = {},
): PolicyStatement => ({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111111111111:root' },
  Action,
  Resource,
  ...extra,
  Condition: { ArnEquals: { 'aws:PrincipalArn': DEV_PLAN }, ...extra.Condition },
});
const listUnder = (prefix: string) =>
  grant('s3:ListBucket', BUCKET, { Condition: { StringLike: { 's3:prefix': prefix } } });

describe('policy rules: bucket grants stay within one environment prefix', () => {
  it('accepts a grant of one state object, its lock file and a listing under its prefix', () => {
    expect(
      bucketPolicyErrors(
        listUnder('orders-dev/*'),
        grant('s3:GetObject', [
          `${BUCKET}/orders-dev/terraform.tfstate`,
          `${BUCKET}/orders-dev/terraform.tfstate.tflock`,
        ]),
      ),
    ).toEqual([]);
  });

  it.each([
    ['every object', grant('s3:GetObject', `${BUCKET}/*`), /reaches "\*": not confined/],
    [
      'a wildcard prefix',
      grant('s3:GetObject', `${BUCKET}/orders-*/terraform.tfstate`),
      /reaches "orders-\*\/terraform.tfstate"/,
    ],
    [
      'two prefixes in one statement',
      grant('s3:GetObject', [`${BUCKET}/orders-dev/a`, `${BUCKET}/orders-prod/a`]),
      /not confined to one/,
    ],
    [
      'a listing of the whole bucket',
      grant('s3:ListBucket', BUCKET),
      /list the whole bucket \(no s3:prefix condition\)/,
    ],
    ['a listing under a wildcard prefix', listUnder('orders-*'), /reaches "orders-\*"/],
  ])('rejects %s', (_, statement, message) => {
    const errors = bucketPolicyErrors(statement);
    expect(errors).toEqual([expect.stringMatching(message)]);
    expect(errors[0]).toMatch(new RegExp(`^\\[${PolicyRule.BUCKET_GRANT_SPANS_PREFIXES}\\]`));
  });

  it("rejects one role granted two environments' state across statements", () => {
    const errors = bucketPolicyErrors(
      grant('s3:GetObject', `${BUCKET}/orders-dev/terraform.tfstate`),
      grant('s3:GetObject', `${BUCKET}/orders-prod/terraform.tfstate`),
    );
    expect(errors).toEqual([
      expect.stringMatching(/grants .*orders-dev-plan the prefixes orders-dev, orders-prod/),
    ]);
  });

  it('leaves Deny statements and service grants alone', () => {
    expect(
      bucketPolicyErrors({
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [BUCKET, `${BUCKET}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    ).toEqual([]);
  });
});

const PROVIDER = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';

function trustErrors(condition: PolicyStatement['Condition']): string[] {
  const stack = newStack();
  new IamRole(stack, 'role', {
    name: 'ci',
    assumeRolePolicy: renderPolicy(
      policyDocument([
        {
          Effect: 'Allow',
          Principal: { Federated: PROVIDER },
          Action: 'sts:AssumeRoleWithWebIdentity',
          ...(condition === undefined ? {} : { Condition: condition }),
        },
      ]),
    ),
  });
  synth(stack);
  return errorAnnotations(stack);
}

describe('policy rules: web identity trust', () => {
  const aud = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
  const sub = { 'token.actions.githubusercontent.com:sub': 'repo:acme/orders:environment:prod' };

  it('accepts literal StringEquals on aud and sub', () => {
    expect(trustErrors({ StringEquals: { ...aud, ...sub } })).toEqual([]);
  });

  it.each([
    ['no condition', undefined, /without literal StringEquals on aud and sub/],
    ['no sub', { StringEquals: aud }, /without literal StringEquals on sub/],
    ['no aud', { StringEquals: sub }, /without literal StringEquals on aud/],
    [
      'a wildcard sub',
      { StringEquals: { ...aud, 'token.actions.githubusercontent.com:sub': 'repo:acme/*' } },
      /on sub/,
    ],
    [
      'a StringLike sub beside the pinned ones',
      {
        StringEquals: { ...aud, ...sub },
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' },
      },
      /it uses StringLike/,
    ],
  ])('rejects %s', (_, condition, message) => {
    const errors = trustErrors(condition);
    expect(errors).toEqual([expect.stringMatching(message)]);
    expect(errors[0]).toMatch(new RegExp(`^\\[${PolicyRule.WEB_IDENTITY_UNSCOPED}\\]`));
  });
});
