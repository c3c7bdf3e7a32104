import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import type { OrderActionsFunctionProps } from '../../../src/constructs/order-actions-function';
import { ConstructPropsError, MissingInputError } from '../../../src/errors';
import { ACCOUNT, onlyResource, ref, resolved, resources, statements, synth } from '../../helpers';
import { inNewStack, ordersFixture } from '../../support/construct-fixtures';

function build(overrides: Partial<OrderActionsFunctionProps> = {}) {
  const { orderActions: fn, ...rest } = inNewStack((stack) =>
    ordersFixture(stack, { logRetentionDays: 30, ...overrides }),
  );
  return { ...rest, fn };
}

describe('OrderActionsFunction', () => {
  it('runs the bundle on Node.js 22, arm64, with 256 MB, 10 s and index.handler by default', () => {
    const { stack } = build();
    expect(JSON.stringify(synth(stack))).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'order-actions',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      memory_size: 256,
      timeout: 10,
      handler: 'index.handler',
      environment: {
        variables: expect.objectContaining({ ORDERS_TABLE: ref('aws_dynamodb_table.orders_table.name') }),
      },
    });
  });

  it('takes memory, timeout and handler from its props', () => {
    const { stack } = build({ memoryMb: 1024, timeoutSeconds: 30, handler: 'main.run' });
    expect(onlyResource(synth(stack), 'aws_lambda_function')).toMatchObject({
      memory_size: 1024,
      timeout: 30,
      handler: 'main.run',
    });
  });

  it('deploys the bundle as a zipped asset whose hash is the source code hash', () => {
    const { stack } = build();
    const fn = onlyResource(synth(stack), 'aws_lambda_function');
    expect(fn.filename).toMatch(/^assets\/.+\.zip$/);
    expect(String(fn.filename)).toContain(String(fn.source_code_hash));
  });

  it('logs to its own log group with the given retention, created before the function', () => {
    const { stack } = build();
    const json = synth(stack);
    expect(JSON.stringify(json)).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: '/aws/lambda/order-actions',
      retention_in_days: 30,
    });
    const fn = onlyResource(json, 'aws_lambda_function');
    expect(fn.logging_config).toEqual({
      log_format: 'JSON',
      log_group: ref('aws_cloudwatch_log_group.order_actions_log_group.name'),
    });
    expect(fn.depends_on).toContain('aws_cloudwatch_log_group.order_actions_log_group');
  });

  it('waits for its role policy, so the permissions exist before the first invocation', () => {
    const { stack } = build();
    const json = synth(stack);
    const [policyId] = Object.keys(resources(json, 'aws_iam_role_policy'));
    expect(onlyResource(json, 'aws_lambda_function').depends_on).toContain(`aws_iam_role_policy.${policyId}`);
  });

  it('is trusted by Lambda only in this account (no aws:SourceArn: Lambda does not reliably supply it)', () => {
    const { stack } = build();
    const [trust] = statements(onlyResource(synth(stack), 'aws_iam_role').assume_role_policy);
    expect(trust).toMatchObject({
      Principal: { Service: 'lambda.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    });
    expect(trust?.Condition).not.toHaveProperty('ArnLike');
  });

  it('may only write its own logs and get and update items in the one table', () => {
    const { stack, fn } = build();
    const granted = resolved(stack, statements(fn.role.policy.policyInput));
    expect(granted.map((statement) => [statement.Action, statement.Resource])).toEqual([
      [
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        [
          ref('aws_cloudwatch_log_group.order_actions_log_group.arn'),
          `${ref('aws_cloudwatch_log_group.order_actions_log_group.arn')}:*`,
        ],
      ],
      [['dynamodb:GetItem'], [ref('aws_dynamodb_table.orders_table.arn')]],
      [['dynamodb:UpdateItem'], [ref('aws_dynamodb_table.orders_table.arn')]],
    ]);
  });

  it('synthesizes that policy as jsonencode() of the same statements, references resolved', () => {
    const { stack } = build();
    const policy = String(onlyResource(synth(stack), 'aws_iam_role_policy').policy);
    expect(policy).toMatch(/^\$\{jsonencode\(\{"Version" = "2012-10-17", "Statement" = \[/);
    expect(policy).toContain('"Resource" = [aws_dynamodb_table.orders_table.arn]');
    expect(policy).toContain(`"${ref('aws_cloudwatch_log_group.order_actions_log_group.arn')}:*"`);
  });

  it('grants invocation to one agent of one account', () => {
    const { stack, fn } = build();
    fn.grantInvokeToAgent('agent-permission', {
      agentArn: 'arn:aws:bedrock:eu-west-1:111111111111:agent/A1',
    });
    expect(JSON.stringify(synth(stack))).toHaveResourceWithProperties(LambdaPermission, {
      action: 'lambda:InvokeFunction',
      principal: 'bedrock.amazonaws.com',
      source_arn: 'arn:aws:bedrock:eu-west-1:111111111111:agent/A1',
      source_account: ACCOUNT,
    });
  });

  it('tells to run the build when the bundle is missing', () => {
    expect(() => build({ bundleDir: '/nonexistent/order-actions/dist' })).toThrow(MissingInputError);
    expect(() => build({ bundleDir: '/nonexistent/order-actions/dist' })).toThrow(
      /index\.js is missing: run `npm run build` first/,
    );
  });

  it.each([
    ['function name', { functionName: 'order actions' }, /function name/],
    ['log retention', { logRetentionDays: 2 }, /not a CloudWatch Logs retention/],
    ['memory', { memoryMb: 100 }, /memory must be an integer from 128 to 10240 MB/],
    ['timeout', { timeoutSeconds: 0 }, /timeout must be an integer from 1 to 900 seconds/],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => build(overrides)).toThrow(ConstructPropsError);
    expect(() => build(overrides)).toThrow(message);
  });
});
