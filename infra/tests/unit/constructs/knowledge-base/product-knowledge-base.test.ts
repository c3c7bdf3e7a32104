import { join } from 'node:path';
import {
  ProductKnowledgeBase,
  type ProductKnowledgeBaseProps,
} from '../../../../src/constructs/knowledge-base/product-knowledge-base';
import { ConstructPropsError, MissingInputError } from '../../../../src/errors';
import type { PolicyStatement } from '../../../../src/iam';
import { KB_DOCUMENTS_DIR } from '../../../../src/paths';
import {
  ACCOUNT,
  errorAnnotations,
  first,
  KB_INDEX_FIXTURE_BUNDLE_DIR,
  onlyResource,
  REGION,
  ref,
  resolved,
  resources,
  testTempDir,
} from '../../../helpers';
import { inNewStack } from '../../../support/construct-fixtures';

function build(overrides: Partial<ProductKnowledgeBaseProps> = {}) {
  const built = inNewStack((stack) => ({
    kb: new ProductKnowledgeBase(stack, 'KnowledgeBase', {
      namePrefix: 'shop-dev',
      documentsDir: KB_DOCUMENTS_DIR,
      bundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
      logRetentionDays: 30,
      ...overrides,
    }),
  }));
  return { ...built, json: built.json };
}

describe('ProductKnowledgeBase', () => {
  it('gives every stateful resource a stable address derived from its id', () => {
    const { json } = build();
    const addresses = (type: string) => Object.keys(resources(json, type)).map((id) => `${type}.${id}`);
    expect([
      ...addresses('aws_s3_bucket'),
      ...addresses('aws_opensearchserverless_collection'),
      ...addresses('aws_bedrockagent_knowledge_base'),
      ...addresses('aws_bedrockagent_data_source'),
      ...addresses('aws_cloudwatch_log_group').sort(),
    ]).toEqual([
      'aws_s3_bucket.knowledge_base_documents_bucket',
      'aws_opensearchserverless_collection.knowledge_base_vectors_collection',
      'aws_bedrockagent_knowledge_base.knowledge_base',
      'aws_bedrockagent_data_source.knowledge_base_data_source',
      'aws_cloudwatch_log_group.knowledge_base_index_step_log_group',
      'aws_cloudwatch_log_group.knowledge_base_ingestion_log_group',
    ]);
  });

  it('names everything after the prefix, the bucket after the account too', () => {
    const { json } = build();
    expect(onlyResource(json, 'aws_s3_bucket').bucket).toBe(`shop-dev-kb-documents-${ACCOUNT}`);
    expect(onlyResource(json, 'aws_opensearchserverless_collection').name).toBe('shop-dev-kb');
    expect(onlyResource(json, 'aws_bedrockagent_knowledge_base').name).toBe('shop-dev-kb');
    expect(
      Object.values(resources(json, 'aws_lambda_function'))
        .map((fn) => fn.function_name)
        .sort(),
    ).toEqual(['shop-dev-kb-index', 'shop-dev-kb-ingestion']);
  });

  it('uses Titan Text Embeddings v2 at 1024 dimensions, 300-token chunks with 20% overlap, standby replicas by default', () => {
    const { json } = build();
    const vector = first(
      first(onlyResource(json, 'aws_bedrockagent_knowledge_base').knowledge_base_configuration)
        .vector_knowledge_base_configuration,
    );
    expect(vector.embedding_model_arn).toBe(
      `arn:aws:bedrock:${REGION}::foundation-model/amazon.titan-embed-text-v2:0`,
    );
    expect(onlyResource(json, 'aws_opensearchserverless_collection').standby_replicas).toBe('ENABLED');
    const chunking = first(
      first(onlyResource(json, 'aws_bedrockagent_data_source').vector_ingestion_configuration)
        .chunking_configuration,
    );
    expect(chunking.fixed_size_chunking_configuration).toEqual([{ max_tokens: 300, overlap_percentage: 20 }]);
    const index = Object.values(resources(json, 'aws_lambda_invocation')).find((entry) =>
      String(entry.input).includes('collectionEndpoint'),
    );
    expect(index?.input).toContain('"dimension" = 1024');
  });

  it('takes the embedding dimension, chunking and standby setting from its props', () => {
    const { json } = build({ embeddingDimensions: 512, chunkMaxTokens: 200, standbyReplicas: 'DISABLED' });
    expect(onlyResource(json, 'aws_opensearchserverless_collection').standby_replicas).toBe('DISABLED');
    const index = Object.values(resources(json, 'aws_lambda_invocation')).find((entry) =>
      String(entry.input).includes('collectionEndpoint'),
    );
    expect(index?.input).toContain('"dimension" = 512');
    const vector = first(
      first(onlyResource(json, 'aws_bedrockagent_knowledge_base').knowledge_base_configuration)
        .vector_knowledge_base_configuration,
    );
    expect(
      first(first(vector.embedding_model_configuration).bedrock_embedding_model_configuration).dimensions,
    ).toBe(512);
    const chunking = first(
      first(onlyResource(json, 'aws_bedrockagent_data_source').vector_ingestion_configuration)
        .chunking_configuration,
    );
    expect(chunking.fixed_size_chunking_configuration).toEqual([{ max_tokens: 200, overlap_percentage: 20 }]);
  });

  it('shares one zip of the kb-index bundle between its two functions', () => {
    const functions = Object.values(resources(build().json, 'aws_lambda_function'));
    expect(new Set(functions.map((fn) => fn.filename)).size).toBe(1);
    expect(functions.map((fn) => fn.handler).sort()).toEqual(['index.handler', 'index.startIngestion']);
  });

  it('grants Retrieve on exactly its knowledge base', () => {
    const { stack, kb } = build();
    const granted: PolicyStatement[] = [];
    kb.grantRetrieve({ addToPrincipalPolicy: (statement) => granted.push(statement) });
    expect(resolved(stack, granted)).toEqual([
      expect.objectContaining({
        Action: ['bedrock:Retrieve'],
        Resource: [ref('aws_bedrockagent_knowledge_base.knowledge_base.arn')],
      }),
    ]);
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(build().stack)).toEqual([]);
  });

  it('tells to run the build when the kb-index bundle is missing', () => {
    const bundleDir = join(testTempDir('no-kb-bundle-'), 'dist');
    expect(() => build({ bundleDir })).toThrow(MissingInputError);
    expect(() => build({ bundleDir })).toThrow(
      /kb-index bundle .*index\.js is missing: run `npm run build` first/,
    );
  });

  it('rejects a prefix too long for the collection name, and an invalid log retention', () => {
    expect(() => build({ namePrefix: 'order-agent-production-europe1' })).toThrow(
      /collection name "order-agent-production-europe1-kb" needs 3-32/,
    );
    expect(() => build({ logRetentionDays: 2 })).toThrow(ConstructPropsError);
  });
});
