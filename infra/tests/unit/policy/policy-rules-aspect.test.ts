import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { OpensearchserverlessAccessPolicy } from '@cdktf/provider-aws/lib/opensearchserverless-access-policy';
import { OpensearchserverlessSecurityPolicy } from '@cdktf/provider-aws/lib/opensearchserverless-security-policy';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { App, Fn } from 'cdktf';
import { StateBucket } from '../../../src/constructs/state-bucket';
import { InfraError } from '../../../src/errors';
import {
  type AossDataAccessStatement,
  type PolicyStatement,
  policyDocument,
  renderAossPolicy,
  renderPolicy,
} from '../../../src/iam';
import { PolicyRule, suppressPolicyRule } from '../../../src/policy';
import { PolicyCheckedStack } from '../../../src/stacks/policy-checked-stack';
import { ACCOUNT, errorAnnotations, infoAnnotations, newStack, synth, testApp } from '../../helpers';
import { knowledgeBaseFixture } from '../../support/construct-fixtures';

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

describe('policy rules: models only through their inference profile', () => {
  const PROFILE = 'arn:aws:bedrock:us-east-1:111111111111:inference-profile/us.amazon.nova-2-lite-v1:0';
  const model = (region: string) => `arn:aws:bedrock:${region}::foundation-model/amazon.nova-2-lite-v1:0`;
  const invoke = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
  const throughProfile = { StringEquals: { 'bedrock:InferenceProfileArn': PROFILE } };

  it('accepts the profile, and its model in listed regions conditioned on the profile', () => {
    expect(
      rulesBrokenBy(allow(invoke, PROFILE), {
        ...allow(invoke, [model('us-east-1'), model('us-west-2')]),
        Condition: throughProfile,
      }),
    ).toEqual([]);
  });

  it('rejects the model beside a profile without the bedrock:InferenceProfileArn condition', () => {
    expect(rulesBrokenBy(allow(invoke, PROFILE), allow(invoke, model('us-east-1')))).toEqual([
      PolicyRule.MODEL_NOT_THROUGH_PROFILE,
    ]);
  });

  it('rejects a foundation model in every region, condition or not', () => {
    expect(
      rulesBrokenBy(allow(invoke, PROFILE), { ...allow(invoke, model('*')), Condition: throughProfile }),
    ).toEqual([PolicyRule.MODEL_NOT_THROUGH_PROFILE]);
  });

  it('accepts a plain foundation model grant in one region when no profile is granted', () => {
    expect(rulesBrokenBy(allow(invoke, model('us-east-1')))).toEqual([]);
  });
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
  const trust = (service: string, condition?: PolicyStatement['Condition']): string =>
    renderPolicy(
      policyDocument([
        {
          Effect: 'Allow',
          Principal: { Service: service },
          Action: 'sts:AssumeRole',
          ...(condition ? { Condition: condition } : {}),
        },
      ]),
    );
  const errorsOfRole = (assumeRolePolicy: string): string[] => {
    const stack = newStack();
    new IamRole(stack, 'role', { name: 'r', assumeRolePolicy });
    synth(stack);
    return errorAnnotations(stack);
  };
  const byAccount = { StringEquals: { 'aws:SourceAccount': ACCOUNT } };
  const byArn = { ArnLike: { 'aws:SourceArn': 'arn:aws:bedrock:eu-west-1:111111111111:agent/*' } };

  it('rejects a trust policy for a service without aws:SourceAccount and aws:SourceArn', () => {
    expect(errorsOfRole(trust('bedrock.amazonaws.com'))).toEqual([
      expect.stringMatching(
        /\[SERVICE_PRINCIPAL_UNSCOPED\] .* trusts bedrock\.amazonaws\.com without aws:SourceAccount and aws:SourceArn/,
      ),
    ]);
  });

  it('rejects a trust policy for a service other than Lambda scoped by account only', () => {
    expect(errorsOfRole(trust('bedrock.amazonaws.com', byAccount))).toEqual([
      expect.stringMatching(/trusts bedrock\.amazonaws\.com without aws:SourceArn$/),
    ]);
  });

  it('accepts a trust policy scoped by account and source ARN', () => {
    expect(errorsOfRole(trust('bedrock.amazonaws.com', { ...byAccount, ...byArn }))).toEqual([]);
  });

  it('accepts a Lambda trust policy scoped by account only (Lambda may not supply aws:SourceArn)', () => {
    expect(errorsOfRole(trust('lambda.amazonaws.com', byAccount))).toEqual([]);
  });

  it('still requires aws:SourceAccount in a Lambda trust policy', () => {
    expect(errorsOfRole(trust('lambda.amazonaws.com', byArn))).toEqual([
      expect.stringMatching(/trusts lambda\.amazonaws\.com without aws:SourceAccount$/),
    ]);
  });

  it('requires aws:SourceArn when Lambda shares the statement with another service', () => {
    const both = renderPolicy(
      policyDocument([
        {
          Effect: 'Allow',
          Principal: { Service: ['lambda.amazonaws.com', 'bedrock.amazonaws.com'] },
          Action: 'sts:AssumeRole',
          Condition: byAccount,
        },
      ]),
    );
    expect(errorsOfRole(both)).toEqual([expect.stringMatching(/without aws:SourceArn$/)]);
  });

  it('requires aws:SourceArn for Lambda in a resource policy (the exemption is for role trust only)', () => {
    const stack = newStack();
    new SnsTopicPolicy(stack, 'topic-policy', {
      arn: 'arn:aws:sns:eu-west-1:111111111111:t',
      policy: renderPolicy(
        policyDocument([
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: 'arn:aws:sns:eu-west-1:111111111111:t',
            Condition: byAccount,
          },
        ]),
      ),
    });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([expect.stringMatching(/without aws:SourceArn$/)]);
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

describe('policy rules: the knowledge base', () => {
  it('accepts the knowledge base, its storage and its steps as built', () => {
    const stack = newStack();
    knowledgeBaseFixture(stack);
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([]);
  });

  it('rejects a deliberately over-broad knowledge base role', () => {
    const stack = newStack();
    const { knowledgeBase } = knowledgeBaseFixture(stack);
    knowledgeBase.role.addToPrincipalPolicy({ Effect: 'Allow', Action: 'aoss:*', Resource: '*' });
    knowledgeBase.role.addToPrincipalPolicy({ Effect: 'Allow', Action: ['bedrock:Retrieve'], Resource: '*' });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([
      expect.stringMatching(
        /^\[WILDCARD_ACTION\] aws_iam_role_policy\.KnowledgeBase_service-role_policy_\w+\.policy statement 4 allows wildcard actions \(aoss:\*\)$/,
      ),
      expect.stringMatching(/^\[WILDCARD_RESOURCE\] .* statement 4 allows aoss:\* on every resource/),
      expect.stringMatching(
        /^\[WILDCARD_RESOURCE\] .* statement 5 allows bedrock:Retrieve on every resource/,
      ),
    ]);
  });

  const dataPolicy = (statement: Record<string, unknown>) => {
    const stack = newStack();
    new OpensearchserverlessAccessPolicy(stack, 'data', {
      name: 'kb',
      type: 'data',
      policy: renderAossPolicy([
        {
          Rules: [{ ResourceType: 'index', Resource: ['index/kb/docs'], Permission: ['aoss:ReadDocument'] }],
          Principal: ['arn:aws:iam::111111111111:role/reader'],
          ...statement,
        } as unknown as AossDataAccessStatement,
      ]),
    });
    synth(stack);
    return errorAnnotations(stack);
  };

  it('accepts a data access policy with named permissions on a named index for a named role', () => {
    expect(dataPolicy({})).toEqual([]);
  });

  it.each([
    [
      'aoss:* permissions',
      { Rules: [{ ResourceType: 'index', Resource: ['index/kb/*'], Permission: ['aoss:*'] }] },
      /^\[WILDCARD_ACTION\] .* allows wildcard permissions \(aoss:\*\)$/,
    ],
    [
      'every collection',
      {
        Rules: [
          {
            ResourceType: 'collection',
            Resource: ['collection/*'],
            Permission: ['aoss:DescribeCollectionItems'],
          },
        ],
      },
      /^\[WILDCARD_RESOURCE\] .* applies to "collection\/\*", not to named collections$/,
    ],
    [
      "every collection's indexes",
      { Rules: [{ ResourceType: 'index', Resource: ['index/kb*/docs'], Permission: ['aoss:ReadDocument'] }] },
      /^\[WILDCARD_RESOURCE\] .* applies to "index\/kb\*\/docs"/,
    ],
    ['any principal', { Principal: ['*'] }, /^\[PUBLIC_PRINCIPAL\] .* grants to any principal$/],
  ])('rejects a data access policy with %s', (_what, statement, message) => {
    expect(dataPolicy(statement)).toEqual([expect.stringMatching(message)]);
  });

  it('rejects a security policy for every collection', () => {
    const stack = newStack();
    new OpensearchserverlessSecurityPolicy(stack, 'encryption', {
      name: 'all',
      type: 'encryption',
      policy: renderAossPolicy({
        Rules: [{ ResourceType: 'collection', Resource: ['collection/*'] }],
        AWSOwnedKey: true,
      }),
    });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([
      expect.stringMatching(
        /^\[WILDCARD_RESOURCE\] aws_opensearchserverless_security_policy\.encryption\.policy/,
      ),
    ]);
  });

  it('rejects an OpenSearch Serverless policy it cannot read', () => {
    const stack = newStack();
    new OpensearchserverlessAccessPolicy(stack, 'data', {
      name: 'kb',
      type: 'data',
      policy: Fn.jsonencode([{}]),
    });
    synth(stack);
    expect(errorAnnotations(stack)).toEqual([
      expect.stringMatching(/^\[UNREADABLE_POLICY\] aws_opensearchserverless_access_policy\.data\.policy/),
    ]);
  });
});
