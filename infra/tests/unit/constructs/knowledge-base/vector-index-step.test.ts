import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import {
  DEFAULT_FIELD_MAPPING,
  type VectorIndexStepProps,
} from '../../../../src/constructs/knowledge-base/vector-index-step';
import { ConstructPropsError } from '../../../../src/errors';
import {
  ACCOUNT,
  errorAnnotations,
  onlyResource,
  ref,
  resolved,
  resources,
  statements,
  synth,
} from '../../../helpers';
import { indexStepFixture, inNewStack } from '../../../support/construct-fixtures';

function build(overrides: Partial<VectorIndexStepProps> = {}) {
  const built = inNewStack((stack) => indexStepFixture(stack, { indexStep: overrides }));
  return { ...built, step: built.indexStep, json: built.json };
}

const COLLECTION = 'aws_opensearchserverless_collection.vectors_collection';

describe('VectorIndexStep', () => {
  it('runs the kb-index handler on Node.js 22, arm64, with 30 s more than its 300 s budget by default', () => {
    expect(JSON.stringify(build().json)).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'test-kb-index',
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      memory_size: 128,
      timeout: 330,
    });
  });

  it('takes its time budget from its props, keeping the function timeout above it', () => {
    const { json } = build({ timeoutSeconds: 120 });
    expect(onlyResource(json, 'aws_lambda_function').timeout).toBe(150);
    expect(onlyResource(json, 'aws_lambda_invocation').input).toContain('"timeoutSeconds" = 120');
  });

  it('logs to its own log group, at a stable address, with the given retention', () => {
    const { json } = build();
    expect(resources(json, 'aws_cloudwatch_log_group')).toEqual({
      index_step_log_group: expect.objectContaining({
        name: '/aws/lambda/test-kb-index',
        retention_in_days: 14,
      }),
    });
    expect(onlyResource(json, 'aws_lambda_function').logging_config).toMatchObject({
      log_group: ref('aws_cloudwatch_log_group.index_step_log_group.name'),
    });
  });

  it('sends the input the kb-index README documents, with the collection endpoint and the field mapping', () => {
    const { json, step } = build();
    expect(onlyResource(json, 'aws_lambda_invocation').input).toBe(
      '${jsonencode({' +
        `"collectionEndpoint" = ${COLLECTION}.collection_endpoint, "indexName" = "test-kb", "dimension" = 1024, ` +
        '"vectorField" = "bedrock-knowledge-base-default-vector", "textField" = "AMAZON_BEDROCK_TEXT_CHUNK", ' +
        '"metadataField" = "AMAZON_BEDROCK_METADATA", "timeoutSeconds" = 300})}',
    );
    expect(step.fieldMapping).toEqual(DEFAULT_FIELD_MAPPING);
  });

  it('runs only once the collection and all three of its policies exist', () => {
    const invocation = onlyResource(build().json, 'aws_lambda_invocation');
    expect(invocation.depends_on).toEqual(
      expect.arrayContaining([
        COLLECTION,
        expect.stringMatching(/^aws_opensearchserverless_security_policy\.Vectors_encryption-policy_/),
        expect.stringMatching(/^aws_opensearchserverless_security_policy\.Vectors_network-policy_/),
        expect.stringMatching(/^aws_opensearchserverless_access_policy\.Vectors_data-access-policy_/),
        expect.stringMatching(/^aws_iam_role_policy\./),
      ]),
    );
  });

  it('has a role that may write its own logs and call this collection only, trusted by Lambda in this account', () => {
    const { stack, step } = build();
    expect(
      resolved(stack, step.function.role.grantedStatements).map((statement) => [
        statement.Action,
        statement.Resource,
      ]),
    ).toEqual([
      [
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        [
          ref('aws_cloudwatch_log_group.index_step_log_group.arn'),
          `${ref('aws_cloudwatch_log_group.index_step_log_group.arn')}:*`,
        ],
      ],
      [['aoss:APIAccessAll'], [ref(`${COLLECTION}.arn`)]],
    ]);
    const [trust] = statements(onlyResource(synth(stack), 'aws_iam_role').assume_role_policy);
    expect(trust).toMatchObject({
      Principal: { Service: 'lambda.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    });
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(build().stack)).toEqual([]);
  });

  it.each([
    ['dimension', { dimensions: 0 }, /dimensions must be an integer from 1 to 16000/],
    ['time budget', { timeoutSeconds: 880 }, /timeout must be an integer from 1 to 870 seconds/],
    [
      'field mapping',
      { fieldMapping: { vectorField: 'v', textField: 't', metadataField: 't' } },
      /three different names/,
    ],
    ['function name', { functionName: 'kb index' }, /function name "kb index" is not valid/],
    ['log retention', { logRetentionDays: 2 }, /not a CloudWatch Logs retention/],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => build(overrides)).toThrow(ConstructPropsError);
    expect(() => build(overrides)).toThrow(message);
  });
});
