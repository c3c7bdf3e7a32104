import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { App, Fn } from 'cdktf';
import { StateBucket } from '../../../src/constructs/state-bucket';
import { InfraError } from '../../../src/errors';
import { type PolicyStatement, policyDocument, renderPolicy } from '../../../src/iam';
import { PolicyRule, suppressPolicyRule } from '../../../src/policy';
import { PolicyCheckedStack } from '../../../src/stacks/policy-checked-stack';
import { ACCOUNT, errorAnnotations, infoAnnotations, newStack, synth, testApp } from '../../helpers';

const TABLE = 'arn:aws:dynamodb:eu-west-1:111111111111:table/orders';

/** The rule ids of the errors a stack holding one role policy with these statements gets. */
function rulesBrokenBy(...statementList: PolicyStatement[]): string[] {
  const stack = newStack();
  new IamPolicy(stack, 'policy', { name: 'p', policy: renderPolicy(policyDocument(statementList)) });
  synth(stack);
  return errorAnnotations(stack).map((message) => /^\[(\w+)\]/.exec(message)![1]!);
}

const allow = (Action: string | string[], Resource: string | string[] = TABLE): PolicyStatement => ({
  Effect: 'Allow',
  Action,
  Resource,
});

describe('policy rules: actions and resources', () => {
  it('accepts named actions on named resources', () => {
    expect(rulesBrokenBy(allow(['dynamodb:GetItem', 'dynamodb:UpdateItem']))).toEqual([]);
  });

  it.each([['*'], ['dynamodb:*'], ['dynamodb:Get*']])('rejects the wildcard action %s', (action) => {
    expect(rulesBrokenBy(allow(action))).toContain(PolicyRule.WILDCARD_ACTION);
  });

  it('rejects NotAction in an Allow', () => {
    expect(
      rulesBrokenBy({ Effect: 'Allow', NotAction: 'iam:*', Resource: TABLE } as unknown as PolicyStatement),
    ).toContain(PolicyRule.WILDCARD_ACTION);
  });

  it('rejects a "*" resource for actions that support resource-level permissions', () => {
    expect(rulesBrokenBy(allow('dynamodb:GetItem', '*'))).toEqual([PolicyRule.WILDCARD_RESOURCE]);
  });

  it('accepts a "*" resource for actions without resource-level permissions', () => {
    expect(rulesBrokenBy(allow(['cloudwatch:PutMetricData', 'xray:PutTraceSegments'], '*'))).toEqual([]);
  });

  it('rejects a "*" resource when one action of the statement is not on the allowlist', () => {
    expect(rulesBrokenBy(allow(['cloudwatch:PutMetricData', 's3:GetObject'], '*'))).toEqual([
      PolicyRule.WILDCARD_RESOURCE,
    ]);
  });

  it('ignores wildcards in Deny statements (they only narrow access)', () => {
    expect(rulesBrokenBy(allow('dynamodb:GetItem'), { Effect: 'Deny', Action: '*', Resource: '*' })).toEqual(
      [],
    );
  });

  it('reads documents with references, which renderPolicy() writes as jsonencode()', () => {
    const stack = newStack();
    const target = new S3Bucket(stack, 'bucket', { bucket: 'b' });
    new IamPolicy(stack, 'policy', {
      name: 'p',
      policy: renderPolicy(policyDocument([allow('s3:*', `${target.arn}/*`)])),
    });
    synth(stack);
    expect(errorAnnotations(stack).filter((message) => message.includes('aws_iam_policy'))).toEqual([
      expect.stringMatching(
        /^\[WILDCARD_ACTION\] aws_iam_policy\.policy\.policy statement 0 allows wildcard actions \(s3:\*\)$/,
      ),
    ]);
  });

  it('rejects a policy it cannot read, such as a jsonencode() expression of its own', () => {
    const stack = newStack();
    new IamPolicy(stack, 'policy', { name: 'p', policy: Fn.jsonencode({ Statement: [] }) });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([
      expect.stringMatching(/^\[UNREADABLE_POLICY\] aws_iam_policy\.policy\.policy/),
    ]);
  });
});

describe('policy rules: principals', () => {
  const trust = (condition?: PolicyStatement['Condition']): string =>
    renderPolicy(
      policyDocument([
        {
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole',
          ...(condition ? { Condition: condition } : {}),
        },
      ]),
    );

  it('rejects a trust policy for a service without aws:SourceAccount and aws:SourceArn', () => {
    const stack = newStack();
    new IamRole(stack, 'role', { name: 'r', assumeRolePolicy: trust() });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([
      expect.stringMatching(
        /\[SERVICE_PRINCIPAL_UNSCOPED\] .* trusts lambda\.amazonaws\.com without aws:SourceAccount and aws:SourceArn/,
      ),
    ]);
  });

  it('rejects a trust policy scoped by account only', () => {
    const stack = newStack();
    new IamRole(stack, 'role', {
      name: 'r',
      assumeRolePolicy: trust({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
    });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([expect.stringMatching(/without aws:SourceArn$/)]);
  });

  it('accepts a trust policy scoped by account and source ARN', () => {
    const stack = newStack();
    new IamRole(stack, 'role', {
      name: 'r',
      assumeRolePolicy: trust({
        StringEquals: { 'aws:SourceAccount': ACCOUNT },
        ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:eu-west-1:111111111111:function:f' },
      }),
    });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([]);
  });

  it('rejects a resource policy that allows everyone', () => {
    const stack = newStack();
    new SnsTopicPolicy(stack, 'topic-policy', {
      arn: 'arn:aws:sns:eu-west-1:111111111111:t',
      policy: renderPolicy(
        policyDocument([
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'sns:Publish',
            Resource: 'arn:aws:sns:eu-west-1:111111111111:t',
          },
        ]),
      ),
    });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([expect.stringMatching(/^\[PUBLIC_PRINCIPAL\]/)]);
  });

  it('rejects a Lambda permission without source_account and source_arn', () => {
    const stack = newStack();
    new LambdaPermission(stack, 'permission', {
      action: 'lambda:InvokeFunction',
      functionName: 'f',
      principal: 'bedrock.amazonaws.com',
    });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([
      expect.stringMatching(/^\[LAMBDA_PERMISSION_UNSCOPED\] .* without source_account and source_arn$/),
    ]);
  });
});

describe('policy rules: buckets', () => {
  it('rejects a bare bucket three times: public access, encryption, TLS', () => {
    const stack = newStack();
    new S3Bucket(stack, 'bucket', { bucket: 'bare' });
    synth(stack);
    expect(errorAnnotations(stack).map((message) => /^\[(\w+)\]/.exec(message)![1])).toEqual([
      PolicyRule.BUCKET_PUBLIC_ACCESS,
      PolicyRule.BUCKET_UNENCRYPTED,
      PolicyRule.BUCKET_NOT_TLS_ONLY,
    ]);
  });

  it('accepts the state bucket with its companions', () => {
    const stack = newStack();
    new StateBucket(stack, 'StateBucket', { bucketName: 'state' });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([]);
  });
});

describe('policy rules: the synth', () => {
  it('fails for a deliberately over-broad stack', () => {
    const app = new App({ outdir: testApp().outdir });
    const stack = new PolicyCheckedStack(app, 'over-broad', {
      accountId: ACCOUNT,
      region: 'eu-west-1',
      tags: {},
    });
    new IamRolePolicy(stack, 'admin', { role: 'r', policy: renderPolicy(policyDocument([allow('*', '*')])) });
    expect(() => app.synth()).toThrow(/\[WILDCARD_ACTION\][\s\S]*\[WILDCARD_RESOURCE\]/);
  });
});

describe('suppressions', () => {
  it('turn a reviewed exception into an info annotation that carries the reason', () => {
    const stack = newStack();
    const policy = new IamPolicy(stack, 'policy', {
      name: 'p',
      policy: renderPolicy(policyDocument([allow('dynamodb:*')])),
    });
    suppressPolicyRule(policy, PolicyRule.WILDCARD_ACTION, 'Reviewed in #123: the table is a scratch table.');
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([]);
    expect(infoAnnotations(stack)).toEqual([
      '[WILDCARD_ACTION] suppressed: Reviewed in #123: the table is a scratch table.',
    ]);
  });

  it('apply to everything below the construct they are added to, and to that rule only', () => {
    const stack = newStack();
    suppressPolicyRule(stack, PolicyRule.WILDCARD_ACTION, 'Reviewed in #123: the stack is a sandbox.');
    new IamPolicy(stack, 'policy', {
      name: 'p',
      policy: renderPolicy(policyDocument([allow('dynamodb:*', '*')])),
    });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([expect.stringMatching(/^\[WILDCARD_RESOURCE\]/)]);
  });

  it('need a reason of at least 20 characters', () => {
    expect(() => suppressPolicyRule(newStack(), PolicyRule.WILDCARD_ACTION, 'because')).toThrow(InfraError);
  });
});
