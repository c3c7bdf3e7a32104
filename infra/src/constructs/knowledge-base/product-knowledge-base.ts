import { Construct } from 'constructs';
import { assertBundleBuilt, lambdaBundleAsset } from '../../assets';
import { isLogRetentionDays, KNOWLEDGE_BASE_DEFAULTS } from '../../config/rules';
import type { KnowledgeBaseConfig } from '../../config/types';
import type { IGrantable } from '../../iam';
import { PolicyCheckedStack } from '../../stacks/policy-checked-stack';
import type { OrderAgent } from '../agent';
import { checkProp } from '../prop-checks';
import { DocumentsBucket } from './documents-bucket';
import { IngestionTrigger } from './ingestion-trigger';
import { DocumentsKnowledgeBase } from './knowledge-base';
import { KnowledgeBaseAssociation, type KnowledgeBaseAssociationProps } from './knowledge-base-association';
import { VectorCollection } from './vector-collection';
import { VectorIndexStep } from './vector-index-step';

/**
 * The knowledge base settings (embedding model and dimensions, chunking, standby replicas) are optional:
 * @default KNOWLEDGE_BASE_DEFAULTS (Titan Text Embeddings v2, 1024 dimensions, 300-token chunks with 20%
 * overlap, standby replicas ENABLED)
 */
export interface ProductKnowledgeBaseProps extends Partial<KnowledgeBaseConfig> {
  /** `<project>-<environment>`: prefixes every name (the collection's `<prefix>-kb` must fit in 32 characters). */
  readonly namePrefix: string;
  /** The documents to upload and ingest (knowledge-base/documents). */
  readonly documentsDir: string;
  /** The apps/kb-apply-steps bundle directory (`index.js`): the index step and the ingestion trigger. */
  readonly bundleDir: string;
  /** Days the two Lambdas' log groups keep their logs. */
  readonly logRetentionDays: number;
}

/**
 * The agent's knowledge base, complete in one apply: the documents bucket and its objects, the OpenSearch
 * Serverless collection and its policies, the index step, the knowledge base with its S3 data source, and the
 * ingestion trigger. Stable addresses, from the construct id (`KnowledgeBase`): `knowledge_base_documents_bucket`,
 * `knowledge_base_vectors_collection`, `knowledge_base`, `knowledge_base_data_source`, and the two log groups
 * `knowledge_base_index_step_log_group` and `knowledge_base_ingestion_log_group`.
 */
export class ProductKnowledgeBase extends Construct {
  public readonly documents: DocumentsBucket;
  public readonly collection: VectorCollection;
  public readonly indexStep: VectorIndexStep;
  public readonly knowledgeBase: DocumentsKnowledgeBase;
  public readonly ingestion: IngestionTrigger;
  public readonly knowledgeBaseId: string;
  public readonly dataSourceId: string;

  public constructor(scope: Construct, id: string, props: ProductKnowledgeBaseProps) {
    super(scope, id);
    validate(this.node.path, props);
    const settings = { ...KNOWLEDGE_BASE_DEFAULTS, ...definedOnly(props) };
    const prefix = props.namePrefix;
    const common = { logRetentionDays: props.logRetentionDays };
    // One zip of the kb-index bundle for both of its functions.
    const bundle = lambdaBundleAsset(this, 'kb-index-bundle', props.bundleDir);

    this.documents = new DocumentsBucket(this, `${id}Documents`, {
      bucketName: `${prefix}-kb-documents-${PolicyCheckedStack.of(this).account}`,
      documentsDir: props.documentsDir,
    });
    this.collection = new VectorCollection(this, `${id}Vectors`, {
      collectionName: `${prefix}-kb`,
      standbyReplicas: settings.standbyReplicas,
    });
    this.indexStep = new VectorIndexStep(this, `${id}IndexStep`, {
      ...common,
      collection: this.collection,
      indexName: `${prefix}-kb`,
      dimensions: settings.embeddingDimensions,
      bundle,
      functionName: `${prefix}-kb-index`,
    });
    this.knowledgeBase = new DocumentsKnowledgeBase(this, id, {
      knowledgeBaseName: `${prefix}-kb`,
      documents: this.documents,
      collection: this.collection,
      indexStep: this.indexStep,
      embeddingModelId: settings.embeddingModelId,
      embeddingDimensions: settings.embeddingDimensions,
      chunkMaxTokens: settings.chunkMaxTokens,
      chunkOverlapPercentage: settings.chunkOverlapPercentage,
    });
    this.ingestion = new IngestionTrigger(this, `${id}Ingestion`, {
      ...common,
      knowledgeBase: this.knowledgeBase,
      documents: this.documents,
      bundle,
      functionName: `${prefix}-kb-ingestion`,
    });
    this.knowledgeBaseId = this.knowledgeBase.knowledgeBaseId;
    this.dataSourceId = this.knowledgeBase.dataSourceId;
  }

  /** `bedrock:Retrieve` on this knowledge base only (the agent's role). */
  public grantRetrieve(grantee: IGrantable): void {
    this.knowledgeBase.grantRetrieve(grantee);
  }

  /**
   * Associates the knowledge base with the agent as its next prepare step: call it after the agent's other
   * prepare steps (action groups) and before the alias, and pass the result's `fingerprint` to the alias.
   */
  public associateWith(
    agent: OrderAgent,
    options: Omit<KnowledgeBaseAssociationProps, 'agent' | 'knowledgeBase'> = {},
  ): KnowledgeBaseAssociation {
    return new KnowledgeBaseAssociation(this, 'agent-association', {
      ...options,
      agent,
      knowledgeBase: this.knowledgeBase,
    });
  }
}

function validate(path: string, props: ProductKnowledgeBaseProps): void {
  assertBundleBuilt(props.bundleDir, 'kb-index');
  checkProp(
    path,
    props.logRetentionDays,
    isLogRetentionDays,
    `${props.logRetentionDays} days is not a CloudWatch Logs retention`,
  );
}

/** The knowledge base settings among the props that are set (so an undefined one keeps its default). */
function definedOnly(props: ProductKnowledgeBaseProps): Partial<KnowledgeBaseConfig> {
  const keys = Object.keys(KNOWLEDGE_BASE_DEFAULTS) as (keyof KnowledgeBaseConfig)[];
  return Object.fromEntries(keys.filter((key) => props[key] !== undefined).map((key) => [key, props[key]]));
}
