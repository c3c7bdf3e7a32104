import { App } from 'cdktf';
import { ServiceRole } from '../../../src/constructs/service-role';
import { ConstructPropsError } from '../../../src/errors';
import { PolicyCheckedStack } from '../../../src/stacks/policy-checked-stack';
import { ACCOUNT, newStack, onlyResource, statements, synth, testApp } from '../../helpers';

const props = {
  roleName: 'worker',
  servicePrincipal: 'states.amazonaws.com',
  sourceArn: 'arn:aws:states:eu-west-1:111111111111:stateMachine:*',
};

describe('ServiceRole', () => {
  it('trusts the service only for resources of the account that match the source ARN', () => {
    const stack = newStack();
    new ServiceRole(stack, 'Role', props).addToPrincipalPolicy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/k',
    });
    expect(statements(onlyResource(synth(stack), 'aws_iam_role').assume_role_policy)).toEqual([
      {
        Sid: 'TrustedService',
        Effect: 'Allow',
        Principal: { Service: 'states.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': props.sourceArn },
        },
      },
    ]);
  });

  it('renders every granted statement, in grant order, into its one inline policy', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', props);
    role.addToPrincipalPolicy({
      Sid: 'First',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/k',
    });
    role.addToPrincipalPolicy({
      Sid: 'Second',
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::b/k',
    });
    expect(
      statements(onlyResource(synth(stack), 'aws_iam_role_policy').policy).map((statement) => statement.Sid),
    ).toEqual(['First', 'Second']);
    expect(role.grantedStatements).toHaveLength(2);
  });

  it('fails the synth when it was granted nothing (IAM rejects an empty policy)', () => {
    const app = new App({ outdir: testApp().outdir });
    const stack = new PolicyCheckedStack(app, 'empty', { accountId: ACCOUNT, region: 'eu-west-1', tags: {} });
    new ServiceRole(stack, 'Role', props);
    expect(() => app.synth()).toThrow(/the role was granted nothing/);
  });

  it('may omit aws:SourceArn for Lambda, which does not reliably supply it', () => {
    const stack = newStack();
    const { sourceArn: _omitted, ...rest } = props;
    new ServiceRole(stack, 'Role', {
      ...rest,
      servicePrincipal: 'lambda.amazonaws.com',
    }).addToPrincipalPolicy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/k',
    });
    const [trust] = statements(onlyResource(synth(stack), 'aws_iam_role').assume_role_policy);
    expect(trust?.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': ACCOUNT } });
  });

  it('refuses to omit aws:SourceArn for any other service', () => {
    const { sourceArn: _omitted, ...rest } = props;
    expect(() => new ServiceRole(newStack(), 'Role', rest)).toThrow(ConstructPropsError);
    expect(() => new ServiceRole(newStack(), 'Role', rest)).toThrow(
      /Role: a trust policy for states\.amazonaws\.com needs a sourceArn \(only lambda\.amazonaws\.com may omit it\)/,
    );
  });

  it('rejects an invalid role name', () => {
    expect(() => new ServiceRole(newStack(), 'Role', { ...props, roleName: 'a'.repeat(65) })).toThrow(
      ConstructPropsError,
    );
  });
});
