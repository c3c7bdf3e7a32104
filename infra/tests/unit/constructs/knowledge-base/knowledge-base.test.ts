import { BedrockagentDataSource } from '@cdktf/provider-aws/lib/bedrockagent-data-source';
import { BedrockagentKnowledgeBase } from '@cdktf/provider-aws/lib/bedrockagent-knowledge-base';
import type { DocumentsKnowledgeBaseProps } from '../../../../src/constructs/knowledge-base/knowledge-base';
import { ConstructPropsError } from '../../../../src/errors';
import type { PolicyStatement } from '../../../../src/iam';
import {
  ACCOUNT,
  errorAnnotations,
  first,
  onlyResource,
  REGION,
  ref,
  resolved,
  resources,
  statements,
} from '../../../helpers';
import { inNewStack, knowledgeBaseFixture } from '../../../support/construct-fixtures';

function build(overrides: Partial<DocumentsKnowledgeBaseProps> = {}) {
  const built = inNewStack((stack) => knowledgeBaseFixture(stack, overrides));
  return { ...built, json: built.json };
}

const KB = 'aws_bedrockagent_knowledge_base.knowledge_base';
const TITAN_V2 = `arn:aws:bedrock:${REGION}::foundation-model/amazon.titan-embed-text-v2:0`;

describe('DocumentsKnowledgeBase', () => {
  it('is a vector knowledge base at a stable address, embedding with the model at the index dimension', () => {
    const { json } = build();
    expect(Object.keys(resources(json, 'aws_bedrockagent_knowledge_base'))).toEqual(['knowledge_base']);
    expect(JSON.stringify(json)).toHaveResourceWithProperties(BedrockagentKnowledgeBase, {
      name: 'test-kb',
      knowledge_base_configuration: [
        {
          type: 'VECTOR',
          vector_knowledge_base_configuration: [
            {
              embedding_model_arn: TITAN_V2,
              embedding_model_configuration: [
                {
                  bedrock_embedding_model_configuration: [
                    { dimensions: 1024, embedding_data_type: 'FLOAT32' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("stores its vectors in the collection's index with the index step's field mapping", () => {
    const storage = first(
      onlyResource(build().json, 'aws_bedrockagent_knowledge_base').storage_configuration,
    );
    expect(storage).toEqual({
      type: 'OPENSEARCH_SERVERLESS',
      opensearch_serverless_configuration: [
        {
          collection_arn: ref('aws_opensearchserverless_collection.vectors_collection.arn'),
          vector_index_name: 'test-kb',
          field_mapping: [
            {
              vector_field: 'bedrock-knowledge-base-default-vector',
              text_field: 'AMAZON_BEDROCK_TEXT_CHUNK',
              metadata_field: 'AMAZON_BEDROCK_METADATA',
            },
          ],
        },
      ],
    });
  });

  it('is created after the index step has run and after its role policy is attached', () => {
    const { json } = build();
    const [invocation] = Object.keys(resources(json, 'aws_lambda_invocation'));
    const policy = Object.keys(resources(json, 'aws_iam_role_policy')).find((id) =>
      id.startsWith('KnowledgeBase_'),
    );
    expect(onlyResource(json, 'aws_bedrockagent_knowledge_base').depends_on).toEqual([
      `aws_lambda_invocation.${invocation}`,
      `aws_iam_role_policy.${policy}`,
    ]);
  });

  it('has an S3 data source at a stable address that retains vectors and chunks 300 tokens with 20% overlap', () => {
    const { json } = build();
    expect(Object.keys(resources(json, 'aws_bedrockagent_data_source'))).toEqual([
      'knowledge_base_data_source',
    ]);
    expect(JSON.stringify(json)).toHaveResourceWithProperties(BedrockagentDataSource, {
      knowledge_base_id: ref(`${KB}.id`),
      data_deletion_policy: 'RETAIN',
      data_source_configuration: [
        {
          type: 'S3',
          s3_configuration: [
            { bucket_arn: ref('aws_s3_bucket.documents_bucket.arn'), inclusion_prefixes: ['documents/'] },
          ],
        },
      ],
      vector_ingestion_configuration: [
        {
          chunking_configuration: [
            {
              chunking_strategy: 'FIXED_SIZE',
              fixed_size_chunking_configuration: [{ max_tokens: 300, overlap_percentage: 20 }],
            },
          ],
        },
      ],
    });
  });

  it('takes the chunking from its props', () => {
    const dataSource = onlyResource(
      build({ chunkMaxTokens: 512, chunkOverlapPercentage: 10 }).json,
      'aws_bedrockagent_data_source',
    );
    expect(first(first(dataSource.vector_ingestion_configuration).chunking_configuration)).toMatchObject({
      fixed_size_chunking_configuration: [{ max_tokens: 512, overlap_percentage: 10 }],
    });
  });

  it("has a role trusted by Bedrock only for this account's knowledge bases", () => {
    const { knowledgeBase } = build();
    const trust = statements(knowledgeBase.role.role.assumeRolePolicyInput);
    expect(trust).toEqual([
      expect.objectContaining({
        Principal: { Service: 'bedrock.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${REGION}:${ACCOUNT}:knowledge-base/*` },
        },
      }),
    ]);
  });

  it('may only embed with the one model, read the documents and use the one collection', () => {
    const { knowledgeBase, stack } = build();
    expect(
      resolved(stack, knowledgeBase.role.grantedStatements).map((statement) => [
        statement.Action,
        statement.Resource,
      ]),
    ).toEqual([
      [['bedrock:InvokeModel'], [TITAN_V2]],
      [['s3:ListBucket'], [ref('aws_s3_bucket.documents_bucket.arn')]],
      [['s3:GetObject'], [`${ref('aws_s3_bucket.documents_bucket.arn')}/documents/*`]],
      [['aoss:APIAccessAll'], [ref('aws_opensearchserverless_collection.vectors_collection.arn')]],
    ]);
  });

  it('grants Retrieve, and StartIngestionJob, on exactly this knowledge base', () => {
    const { knowledgeBase, stack } = build();
    const granted: PolicyStatement[] = [];
    const grantee = { addToPrincipalPolicy: (statement: PolicyStatement) => granted.push(statement) };
    knowledgeBase.grantRetrieve(grantee);
    knowledgeBase.grantStartIngestion(grantee);
    expect(resolved(stack, granted)).toEqual([
      {
        Sid: 'RetrieveFromKnowledgeBase',
        Effect: 'Allow',
        Action: ['bedrock:Retrieve'],
        Resource: [ref(`${KB}.arn`)],
      },
      {
        Sid: 'StartIngestionJob',
        Effect: 'Allow',
        Action: ['bedrock:StartIngestionJob'],
        Resource: [ref(`${KB}.arn`)],
      },
    ]);
  });

  it('changes its fingerprint with what replaces it, not with the chunking', () => {
    const fingerprint = (overrides: Partial<DocumentsKnowledgeBaseProps>) =>
      build(overrides).knowledgeBase.fingerprint;
    expect(fingerprint({})).toBe(fingerprint({ chunkMaxTokens: 500 }));
    expect(fingerprint({})).not.toBe(fingerprint({ knowledgeBaseName: 'other-kb' }));
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(build().stack)).toEqual([]);
  });

  it.each([
    ['name', { knowledgeBaseName: 'my kb' }, /knowledge base name "my kb" is not valid/],
    [
      'embedding model',
      { embeddingModelId: 'us.amazon.titan-embed-text-v2:0' },
      /is not a foundation model id/,
    ],
    [
      'dimension for the model',
      { embeddingDimensions: 768 },
      /amazon\.titan-embed-text-v2:0 returns vectors of 256, 512, 1024 dimensions, not 768/,
    ],
    [
      'dimension for the index',
      { embeddingDimensions: 512 },
      /the vector index has 1024 dimensions, the embeddings 512/,
    ],
    ['chunk size', { chunkMaxTokens: 0 }, /chunks need 1-8192 tokens/],
    ['chunk overlap', { chunkOverlapPercentage: 100 }, /overlap must be an integer from 1 to 99 percent/],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => build(overrides)).toThrow(ConstructPropsError);
    expect(() => build(overrides)).toThrow(message);
  });
});
