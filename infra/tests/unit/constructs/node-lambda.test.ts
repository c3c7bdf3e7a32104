import { Construct } from 'constructs';
import { lambdaBundleAsset } from '../../../src/assets';
import {
  addNodeLambda,
  type NodeLambdaProps,
  validateNodeLambdaProps,
} from '../../../src/constructs/node-lambda';
import { ConstructPropsError } from '../../../src/errors';
import {
  FIXTURE_BUNDLE_DIR,
  newStack,
  onlyResource,
  ref,
  resolved,
  resources,
  statements,
  synth,
} from '../../helpers';

function setUp(overrides: Partial<NodeLambdaProps> = {}) {
  const stack = newStack();
  const owner = new Construct(stack, 'ReportsExport');
  const lambda = addNodeLambda(owner, {
    functionName: 'reports-export',
    description: 'Exports reports',
    logRetentionDays: 30,
    bundle: lambdaBundleAsset(owner, 'bundle', FIXTURE_BUNDLE_DIR),
    handler: 'index.handler',
    memoryMb: 256,
    timeoutSeconds: 10,
    logFormat: 'Text',
    ...overrides,
  });
  return { stack, lambda };
}

const build = (overrides: Partial<NodeLambdaProps> = {}) => synth(setUp(overrides).stack);
const GROUP = 'aws_cloudwatch_log_group.reports_export_log_group';

describe('addNodeLambda', () => {
  it("gives the function's log group a retention and an address named after the owner's id", () => {
    const json = build();
    expect(resources(json, 'aws_cloudwatch_log_group')).toEqual({
      reports_export_log_group: { name: '/aws/lambda/reports-export', retention_in_days: 30 },
    });
    expect(Object.keys(resources(json, 'aws_iam_role'))).toEqual([
      expect.stringMatching(/^ReportsExport_execution-role_/),
    ]);
    expect(Object.keys(resources(json, 'aws_lambda_function'))).toEqual([
      expect.stringMatching(/^ReportsExport_function_/),
    ]);
  });

  it('runs Node.js 22 on arm64, logging to its own group once that group and its permissions exist', () => {
    const fn = onlyResource(
      build({ environment: { STAGE: 'test' }, logFormat: 'JSON' }),
      'aws_lambda_function',
    );
    expect(fn).toMatchObject({
      function_name: 'reports-export',
      description: 'Exports reports',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      memory_size: 256,
      timeout: 10,
      environment: { variables: { STAGE: 'test', NODE_OPTIONS: '--enable-source-maps' } },
      logging_config: { log_format: 'JSON', log_group: ref(`${GROUP}.name`) },
    });
    expect(fn.depends_on).toEqual(
      expect.arrayContaining([
        GROUP,
        expect.stringMatching(/^aws_iam_role_policy\.ReportsExport_execution-role_/),
      ]),
    );
  });

  it('names the role after the function unless told otherwise', () => {
    expect(onlyResource(build(), 'aws_iam_role')).toMatchObject({ name: 'reports-export-execution' });
    expect(onlyResource(build({ roleName: 'reports-role' }), 'aws_iam_role')).toMatchObject({
      name: 'reports-role',
    });
  });

  it('lets the role write only to its own log group', () => {
    const { stack, lambda } = setUp();
    const group = ref(`${GROUP}.arn`);
    expect(resolved(stack, statements(lambda.role.policy.policyInput))).toEqual([
      {
        Sid: 'WriteOwnLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [group, `${group}:*`],
      },
    ]);
  });
});

describe('validateNodeLambdaProps', () => {
  it('names the bad function name or retention', () => {
    expect(() => validateNodeLambdaProps('s/f', { functionName: 'a b', logRetentionDays: 30 })).toThrow(
      new ConstructPropsError('s/f: function name "a b" is not valid'),
    );
    expect(() => validateNodeLambdaProps('s/f', { functionName: 'ok', logRetentionDays: 2 })).toThrow(
      new ConstructPropsError('s/f: 2 days is not a CloudWatch Logs retention'),
    );
    expect(() => validateNodeLambdaProps('s/f', { functionName: 'ok', logRetentionDays: 30 })).not.toThrow();
  });
});
