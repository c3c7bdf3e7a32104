import { BedrockModelInvocationLoggingConfiguration } from '@cdktf/provider-aws/lib/bedrock-model-invocation-logging-configuration';
import {
  ModelInvocationLogging,
  type ModelInvocationLoggingProps,
} from '../../../src/constructs/model-invocation-logging';
import { ConstructPropsError } from '../../../src/errors';
import {
  ACCOUNT,
  errorAnnotations,
  infoAnnotations,
  newStack,
  onlyResource,
  REGION,
  ref,
  statements,
  synth,
} from '../../helpers';

const GROUP = '/order-agent-prod/bedrock-model-invocations';
const GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${GROUP}`;

function build(overrides: Partial<ModelInvocationLoggingProps> = {}) {
  const stack = newStack();
  new ModelInvocationLogging(stack, 'ModelInvocationLogging', {
    logGroupName: GROUP,
    namePrefix: 'order-agent-prod',
    ...overrides,
  });
  return { stack, json: synth(stack) };
}

describe('ModelInvocationLogging', () => {
  it('logs text invocations to the CloudWatch log group through the role, nothing else', () => {
    expect(JSON.stringify(build().json)).toHaveResourceWithProperties(
      BedrockModelInvocationLoggingConfiguration,
      {
        logging_config: {
          text_data_delivery_enabled: true,
          image_data_delivery_enabled: false,
          embedding_data_delivery_enabled: false,
          video_data_delivery_enabled: false,
          cloudwatch_config: {
            log_group_name: ref('aws_cloudwatch_log_group.model_invocation_logging_log_group.name'),
            role_arn: expect.stringMatching(/^\$\{aws_iam_role\.\w+\.arn\}$/),
          },
        },
      },
    );
  });

  it('puts the configuration only after the role policy and the log group exist', () => {
    const configuration = onlyResource(build().json, 'aws_bedrock_model_invocation_logging_configuration');
    expect(configuration.depends_on).toEqual([
      expect.stringMatching(/^aws_iam_role_policy\./),
      'aws_cloudwatch_log_group.model_invocation_logging_log_group',
    ]);
  });

  it('encrypts the log group with its own rotating key and keeps records 30 days by default', () => {
    const { json } = build();
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toMatchObject({
      name: GROUP,
      retention_in_days: 30,
      kms_key_id: ref('aws_kms_key.model_invocation_logging_key.arn'),
    });
    expect(onlyResource(json, 'aws_kms_key')).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
    });
  });

  it('keeps records for the retention it is given', () => {
    expect(
      onlyResource(build({ retentionDays: 365 }).json, 'aws_cloudwatch_log_group').retention_in_days,
    ).toBe(365);
  });

  it('lets CloudWatch Logs of the region use the key for this log group only', () => {
    const logs = statements(onlyResource(build().json, 'aws_kms_key').policy).find(
      (statement) => statement.Sid === 'CloudWatchLogsUseForTheGroup',
    );
    expect(logs).toMatchObject({
      Principal: { Service: `logs.${REGION}.amazonaws.com` },
      Resource: '*',
      Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': GROUP_ARN } },
    });
    expect(logs?.Action).not.toContainEqual(expect.stringContaining('*'));
  });

  it("lets Bedrock assume the role only for this account's calls in this region", () => {
    const role = onlyResource(build().json, 'aws_iam_role');
    expect(statements(role.assume_role_policy)).toEqual([
      expect.objectContaining({
        Principal: { Service: 'bedrock.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${REGION}:${ACCOUNT}:*` },
        },
      }),
    ]);
  });

  it("grants the role writes to Bedrock's one stream of the group and nothing else", () => {
    const policy = onlyResource(build().json, 'aws_iam_role_policy');
    expect(statements(policy.policy)).toEqual([
      {
        Sid: 'WriteInvocationRecords',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [`${GROUP_ARN}:log-stream:aws/bedrock/modelinvocations`],
      },
    ]);
  });

  it('passes the policy rules, with the key policy exceptions reviewed and visible', () => {
    const { stack } = build();
    expect(errorAnnotations(stack)).toEqual([]);
    expect(infoAnnotations(stack).sort()).toEqual([
      expect.stringMatching(
        /^\[SERVICE_PRINCIPAL_UNSCOPED\] suppressed: CloudWatch Logs is scoped as AWS documents/,
      ),
      expect.stringMatching(/^\[WILDCARD_ACTION\] suppressed: The default KMS key policy/),
    ]);
  });

  it.each([
    ['log group name', { logGroupName: 'bedrock logs' }, /log group name "bedrock logs" is not valid/],
    ['retention', { retentionDays: 10 }, /10 days is not a CloudWatch Logs retention/],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => build(overrides)).toThrow(ConstructPropsError);
    expect(() => build(overrides)).toThrow(message);
  });
});
