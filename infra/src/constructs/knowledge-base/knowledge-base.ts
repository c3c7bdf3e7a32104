import { createHash } from 'node:crypto';
import { BedrockagentDataSource } from '@cdktf/provider-aws/lib/bedrockagent-data-source';
import { BedrockagentKnowledgeBase } from '@cdktf/provider-aws/lib/bedrockagent-knowledge-base';
import { Construct } from 'constructs';
import {
  BEDROCK_NAME_PATTERN,
  embeddingDimensionsProblem,
  isWithin,
  LIMITS,
  MODEL_ID_PATTERN,
  parseModelId,
} from '../../config/rules';
import { ConstructPropsError } from '../../errors';
import { type IGrantable, servicePrincipal } from '../../iam';
import { PolicyCheckedStack } from '../../stacks/policy-checked-stack';
import { stableLogicalId } from '../logical-id';
import { checkInteger, checkName, checkProp, isKnownAtSynth } from '../prop-checks';
import { ServiceRole } from '../service-role';
import type { DocumentsBucket } from './documents-bucket';
import type { VectorCollection } from './vector-collection';
import type { VectorIndexStep } from './vector-index-step';

export interface DocumentsKnowledgeBaseProps {
  /** Knowledge base name (letters, digits, `-_`, at most 100 characters); also names its role and data source. */
  readonly knowledgeBaseName: string;
  /** The documents it ingests (its S3 data source: the bucket's key prefix). */
  readonly documents: DocumentsBucket;
  /** Where its vectors live. */
  readonly collection: VectorCollection;
  /** The step that creates the vector index; the knowledge base is created after it. */
  readonly indexStep: VectorIndexStep;
  /** Bedrock embedding model id (a foundation model). */
  readonly embeddingModelId: string;
  /** Vector length of the model's embeddings: the index's dimension. */
  readonly embeddingDimensions: number;
  /**
   * Fixed-size chunking: tokens per chunk (1-8192).
   * @default 300
   */
  readonly chunkMaxTokens?: number;
  /**
   * Fixed-size chunking: overlap of neighbouring chunks in percent (1-99).
   * @default 20
   */
  readonly chunkOverlapPercentage?: number;
  /**
   * Shown in the Bedrock console.
   * @default 'Return policy, shipping FAQ and product catalog of the order agent'
   */
  readonly description?: string;
}

/**
 * A vector knowledge base over the documents bucket: its service role (trusted by Bedrock for the stack's account's
 * knowledge bases only; allowed to embed with the one model, read the documents and use the one collection),
 * the knowledge base (created after the index step and the role's policy), and its S3 data source with an
 * explicit chunking configuration and `data_deletion_policy = "RETAIN"` (with DELETE a data source can become
 * undeletable once its vectors are gone).
 */
export class DocumentsKnowledgeBase extends Construct {
  public readonly role: ServiceRole;
  public readonly knowledgeBase: BedrockagentKnowledgeBase;
  public readonly dataSource: BedrockagentDataSource;
  public readonly knowledgeBaseId: string;
  public readonly knowledgeBaseArn: string;
  public readonly dataSourceId: string;
  public readonly embeddingModelArn: string;
  /**
   * Changes whenever a setting that replaces the knowledge base (and so changes its id) changes: name, embedding
   * model, dimensions, collection, index, field mapping. Known at synth, unlike the id.
   */
  public readonly fingerprint: string;

  public constructor(scope: Construct, id: string, props: DocumentsKnowledgeBaseProps) {
    super(scope, id);
    const chunkMaxTokens = props.chunkMaxTokens ?? 300;
    const chunkOverlapPercentage = props.chunkOverlapPercentage ?? 20;
    validate(this.node.path, props, chunkMaxTokens, chunkOverlapPercentage);
    const stack = PolicyCheckedStack.of(this);
    this.embeddingModelArn = stack.formatArn('bedrock', `foundation-model/${props.embeddingModelId}`, {
      account: '',
    });
    this.fingerprint = createHash('sha256')
      .update(
        JSON.stringify([
          props.knowledgeBaseName,
          this.embeddingModelArn,
          props.embeddingDimensions,
          props.collection.fingerprint,
          props.indexStep.indexName,
          props.indexStep.fieldMapping,
        ]),
      )
      .digest('hex')
      .slice(0, 16);

    this.role = new ServiceRole(this, 'service-role', {
      roleName: `${props.knowledgeBaseName}-knowledge-base`.slice(0, 64),
      description: `Service role of the ${props.knowledgeBaseName} knowledge base`,
      servicePrincipal: servicePrincipal('bedrock'),
      sourceArn: stack.formatArn('bedrock', 'knowledge-base/*'),
    });
    this.grantInvokeEmbeddingModel();
    props.documents.grantReadDocuments(this.role);
    props.collection.grantReadWriteIndex(this.role, props.indexStep.indexName);

    this.knowledgeBase = new BedrockagentKnowledgeBase(this, 'knowledge-base', {
      name: props.knowledgeBaseName,
      description: props.description ?? 'Return policy, shipping FAQ and product catalog of the order agent',
      roleArn: this.role.roleArn,
      knowledgeBaseConfiguration: [
        {
          type: 'VECTOR',
          vectorKnowledgeBaseConfiguration: [
            {
              embeddingModelArn: this.embeddingModelArn,
              embeddingModelConfiguration: [
                {
                  bedrockEmbeddingModelConfiguration: [
                    { dimensions: props.embeddingDimensions, embeddingDataType: 'FLOAT32' },
                  ],
                },
              ],
            },
          ],
        },
      ],
      storageConfiguration: [
        {
          type: 'OPENSEARCH_SERVERLESS',
          opensearchServerlessConfiguration: [
            {
              collectionArn: props.collection.collectionArn,
              vectorIndexName: props.indexStep.indexName,
              fieldMapping: [{ ...props.indexStep.fieldMapping }],
            },
          ],
        },
      ],
      // Bedrock refuses to create a knowledge base before its vector index exists, and fails while its role's
      // permissions are still propagating (terraform-provider-aws #42847).
      dependsOn: [props.indexStep.invocation, this.role.policy],
    });
    this.knowledgeBase.overrideLogicalId(stableLogicalId(id, 'knowledge_base'));
    this.knowledgeBaseId = this.knowledgeBase.id;
    this.knowledgeBaseArn = this.knowledgeBase.arn;

    this.dataSource = new BedrockagentDataSource(this, 'data-source', {
      knowledgeBaseId: this.knowledgeBaseId,
      name: `${props.knowledgeBaseName}-documents`.slice(0, 100),
      description: `The ${props.documents.keyPrefix} documents of the knowledge base bucket`,
      // Deleting the data source leaves its vectors; they go with the collection (DELETE can leave a data
      // source that cannot be deleted).
      dataDeletionPolicy: 'RETAIN',
      dataSourceConfiguration: [
        {
          type: 'S3',
          s3Configuration: [
            { bucketArn: props.documents.bucketArn, inclusionPrefixes: [props.documents.keyPrefix] },
          ],
        },
      ],
      // Changing this replaces the data source (and needs one ingestion afterwards).
      vectorIngestionConfiguration: [
        {
          chunkingConfiguration: [
            {
              chunkingStrategy: 'FIXED_SIZE',
              fixedSizeChunkingConfiguration: [
                { maxTokens: chunkMaxTokens, overlapPercentage: chunkOverlapPercentage },
              ],
            },
          ],
        },
      ],
    });
    this.dataSource.overrideLogicalId(stableLogicalId(id, 'data_source'));
    this.dataSourceId = this.dataSource.dataSourceId;
  }

  /** `bedrock:Retrieve` on this knowledge base only: what an agent needs to search it. */
  public grantRetrieve(grantee: IGrantable): void {
    grantee.addToPrincipalPolicy({
      Sid: 'RetrieveFromKnowledgeBase',
      Effect: 'Allow',
      Action: ['bedrock:Retrieve'],
      Resource: [this.knowledgeBaseArn],
    });
  }

  /** `bedrock:StartIngestionJob` on this knowledge base only: what a sync step needs. */
  public grantStartIngestion(grantee: IGrantable): void {
    grantee.addToPrincipalPolicy({
      Sid: 'StartIngestionJob',
      Effect: 'Allow',
      Action: ['bedrock:StartIngestionJob'],
      Resource: [this.knowledgeBaseArn],
    });
  }

  /** Embeddings from the one configured model. */
  private grantInvokeEmbeddingModel(): void {
    this.role.addToPrincipalPolicy({
      Sid: 'InvokeEmbeddingModel',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel'],
      Resource: [this.embeddingModelArn],
    });
  }
}

function validate(
  path: string,
  props: DocumentsKnowledgeBaseProps,
  chunkMaxTokens: number,
  chunkOverlapPercentage: number,
): void {
  checkName(path, 'knowledge base name', props.knowledgeBaseName, BEDROCK_NAME_PATTERN);
  checkProp(
    path,
    props.embeddingModelId,
    (id) => MODEL_ID_PATTERN.test(id) && parseModelId(id).inferenceProfileId === undefined,
    `${JSON.stringify(props.embeddingModelId)} is not a foundation model id (embedding models take no inference profile)`,
  );
  const { embeddingModelId: modelId, embeddingDimensions: dimensions } = props;
  if (isKnownAtSynth(modelId, dimensions)) {
    const dimensionsProblem = embeddingDimensionsProblem(modelId, dimensions);
    if (dimensionsProblem !== undefined) throw new ConstructPropsError(`${path}: ${dimensionsProblem}`);
  }
  if (isKnownAtSynth(props.indexStep.dimensions, dimensions) && props.indexStep.dimensions !== dimensions) {
    throw new ConstructPropsError(
      `${path}: the vector index has ${props.indexStep.dimensions} dimensions, the embeddings ${dimensions}`,
    );
  }
  const tokens = LIMITS.chunkMaxTokens;
  checkProp(
    path,
    chunkMaxTokens,
    (value) => isWithin(value, tokens),
    `chunks need ${tokens.min}-${tokens.max} tokens`,
  );
  checkInteger(path, 'the chunk overlap', chunkOverlapPercentage, LIMITS.chunkOverlapPercentage);
}
