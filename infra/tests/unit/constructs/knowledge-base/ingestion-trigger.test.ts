import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import {
  IngestionTrigger,
  type IngestionTriggerProps,
} from '../../../../src/constructs/knowledge-base/ingestion-trigger';
import { ConstructPropsError } from '../../../../src/errors';
import { errorAnnotations, ref, resolved, resources } from '../../../helpers';
import { bundleAsset, inNewStack, knowledgeBaseFixture } from '../../../support/construct-fixtures';

function build(overrides: Partial<IngestionTriggerProps> = {}) {
  const built = inNewStack((stack) => {
    const fixture = knowledgeBaseFixture(stack);
    const trigger = new IngestionTrigger(stack, 'Ingestion', {
      knowledgeBase: fixture.knowledgeBase,
      documents: fixture.documents,
      bundle: bundleAsset(stack),
      functionName: 'test-kb-ingestion',
      logRetentionDays: 14,
      ...overrides,
    });
    return { ...fixture, trigger };
  });
  const json = built.json;
  // The fixture's index step has the other invocation.
  const invocation = Object.values(resources(json, 'aws_lambda_invocation')).find((entry) =>
    String(entry.input).includes('knowledgeBaseId'),
  )!;
  return { ...built, json, invocation };
}

describe('IngestionTrigger', () => {
  it('runs the kb-index startIngestion handler with 30 s more than its 120 s budget by default', () => {
    const { json } = build();
    expect(JSON.stringify(json)).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'test-kb-ingestion',
      handler: 'index.startIngestion',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      timeout: 150,
    });
    expect(resources(json, 'aws_cloudwatch_log_group').ingestion_log_group).toMatchObject({
      name: '/aws/lambda/test-kb-ingestion',
      retention_in_days: 14,
    });
  });

  it("runs again whenever the documents' hash changes", () => {
    const { invocation, documents } = build();
    expect(invocation.triggers).toEqual({ documents: documents.documentsHash });
  });

  it('names the knowledge base and data source in its input', () => {
    const { invocation, documents } = build();
    expect(invocation.input).toBe(
      '${jsonencode({' +
        '"knowledgeBaseId" = aws_bedrockagent_knowledge_base.knowledge_base.id, ' +
        '"dataSourceId" = aws_bedrockagent_data_source.knowledge_base_data_source.data_source_id, ' +
        `"description" = "Documents changed (sha256 ${documents.documentsHash.slice(0, 16)})", "timeoutSeconds" = 120})}`,
    );
  });

  it('runs after the data source and every document object exist', () => {
    const { invocation, json } = build();
    const objects = Object.keys(resources(json, 'aws_s3_object')).map((id) => `aws_s3_object.${id}`);
    expect(objects).toHaveLength(2);
    expect(invocation.depends_on).toEqual(
      expect.arrayContaining(['aws_bedrockagent_data_source.knowledge_base_data_source', ...objects]),
    );
  });

  it('may start ingestion jobs of this knowledge base only', () => {
    const { stack, trigger } = build();
    expect(resolved(stack, trigger.function.role.grantedStatements).at(-1)).toEqual({
      Sid: 'StartIngestionJob',
      Effect: 'Allow',
      Action: ['bedrock:StartIngestionJob'],
      Resource: [ref('aws_bedrockagent_knowledge_base.knowledge_base.arn')],
    });
    expect(trigger.function.role.grantedStatements.map((statement) => statement.Sid)).toEqual([
      'WriteOwnLogs',
      'StartIngestionJob',
    ]);
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(build().stack)).toEqual([]);
  });

  it('rejects a time budget the function timeout cannot cover', () => {
    expect(() => build({ timeoutSeconds: 871 })).toThrow(ConstructPropsError);
    expect(() => build({ timeoutSeconds: 871 })).toThrow(/timeout must be an integer from 1 to 870 seconds/);
  });
});
