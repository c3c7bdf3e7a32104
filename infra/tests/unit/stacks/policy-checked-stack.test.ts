import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ConstructPropsError } from '../../../src/errors';
import { PolicyCheckedStack } from '../../../src/stacks/policy-checked-stack';
import { ACCOUNT, newStack, REGION, resolved, resources, statements, synth, testApp } from '../../helpers';
import { agentFixture } from '../../support/construct-fixtures';

function stackIn(region: string): PolicyCheckedStack {
  return new PolicyCheckedStack(testApp(), 'placed', { accountId: '444444444444', region, tags: {} });
}

describe('PolicyCheckedStack', () => {
  it('is what PolicyCheckedStack.of() finds from any construct inside it', () => {
    const stack = newStack();
    const nested = new Construct(new Construct(stack, 'Outer'), 'Inner');
    expect(PolicyCheckedStack.of(nested)).toBe(stack);
    expect(PolicyCheckedStack.of(stack)).toBe(stack);
  });

  it('carries the account, region and partition it was placed in', () => {
    expect(newStack()).toMatchObject({ account: ACCOUNT, region: REGION, partition: 'aws' });
    expect(stackIn('cn-north-1').partition).toBe('aws-cn');
    expect(stackIn('us-gov-west-1').partition).toBe('aws-us-gov');
  });

  it('refuses a construct that is not inside one, naming its path', () => {
    const plain = new Construct(new TerraformStack(testApp(), 'plain'), 'Thing');
    expect(() => PolicyCheckedStack.of(plain)).toThrow(ConstructPropsError);
    expect(() => PolicyCheckedStack.of(plain)).toThrow(/^plain\/Thing: must be inside a PolicyCheckedStack/);
  });

  it('formats ARNs in its account and region, either left out when asked', () => {
    const stack = newStack();
    expect(stack.formatArn('bedrock', 'agent/*')).toBe(`arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/*`);
    expect(stack.formatArn('iam', 'root', { region: '' })).toBe(`arn:aws:iam::${ACCOUNT}:root`);
    expect(stack.formatArn('bedrock', 'foundation-model/m', { region: '*', account: '' })).toBe(
      'arn:aws:bedrock:*::foundation-model/m',
    );
  });

  it('gives its constructs its account and partition: an agent in China trusts Bedrock there', () => {
    const stack = stackIn('cn-north-1');
    const { agent } = agentFixture(stack);
    const roles = resources(synth(stack), 'aws_iam_role');
    const role = Object.keys(roles).find((id) => id.startsWith('OrderAgent'))!;
    expect(statements(roles[role]!.assume_role_policy)[0]!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '444444444444' },
      ArnLike: { 'aws:SourceArn': 'arn:aws-cn:bedrock:cn-north-1:444444444444:agent/*' },
    });
    const model = resolved(stack, statements(agent.role.policy.policyInput)).find(
      (statement) => statement.Sid === 'InvokeConfiguredModel',
    );
    expect(model?.Resource).toEqual([
      'arn:aws-cn:bedrock:cn-north-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
    ]);
  });
});
