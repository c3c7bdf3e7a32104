import type { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import type { TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { APPLY_STEP_REPORTING_SECONDS, LIMITS } from '../../config/rules';
import { ConstructPropsError } from '../../errors';
import { checkInteger } from '../prop-checks';
import { ApplyTimeFunction } from './apply-time-function';
import type { VectorCollection } from './vector-collection';

/** The index fields Bedrock writes: the names the knowledge base's field mapping and the index step share. */
export interface VectorFieldMapping {
  readonly vectorField: string;
  readonly textField: string;
  readonly metadataField: string;
}

/** The names the Bedrock console uses. */
export const DEFAULT_FIELD_MAPPING: VectorFieldMapping = {
  vectorField: 'bedrock-knowledge-base-default-vector',
  textField: 'AMAZON_BEDROCK_TEXT_CHUNK',
  metadataField: 'AMAZON_BEDROCK_METADATA',
};

export interface VectorIndexStepProps {
  /** The collection the index is created in; the step's role is granted on its one index. */
  readonly collection: VectorCollection;
  /** Index name (lower case, as OpenSearch requires). */
  readonly indexName: string;
  /** Vector length of the embedding model (1-16000). */
  readonly dimensions: number;
  /** The zipped apps/kb-apply-steps bundle. */
  readonly bundle: TerraformAsset;
  /** Lambda function name; also names its log group and role. */
  readonly functionName: string;
  /** Days the function's log group keeps its logs. */
  readonly logRetentionDays: number;
  /**
   * Time the step may spend retrying while the data access policy propagates (1-870 seconds); the function's
   * timeout is 30 s more, so a failure is reported with its reason.
   * @default 300
   */
  readonly timeoutSeconds?: number;
  /**
   * The index fields.
   * @default DEFAULT_FIELD_MAPPING
   */
  readonly fieldMapping?: VectorFieldMapping;
}

/**
 * The step that creates the knowledge base's vector index, which Terraform cannot: the kb-index Lambda
 * (`index.handler`), invoked during apply once the collection and all three of its policies exist. It sends a
 * signed `PUT /<index>` (FAISS, HNSW, the embedding model's dimension), retries while the data access policy
 * propagates, and succeeds when the index exists. Make the knowledge base depend on `invocation`.
 */
export class VectorIndexStep extends Construct {
  public readonly function: ApplyTimeFunction;
  public readonly invocation: LambdaInvocation;
  public readonly indexName: string;
  /** The index's vector length: the knowledge base's embeddings must have it. */
  public readonly dimensions: number;
  public readonly fieldMapping: VectorFieldMapping;

  public constructor(scope: Construct, id: string, props: VectorIndexStepProps) {
    super(scope, id);
    const timeoutSeconds = props.timeoutSeconds ?? 300;
    checkInteger(this.node.path, 'the dimensions', props.dimensions, LIMITS.vectorDimensions);
    checkInteger(this.node.path, 'the index step timeout', timeoutSeconds, LIMITS.applyStepTimeoutSeconds);
    const fieldMapping = props.fieldMapping ?? DEFAULT_FIELD_MAPPING;
    if (new Set(Object.values(fieldMapping)).size !== 3) {
      throw new ConstructPropsError(
        `${this.node.path}: the vector, text and metadata fields need three different names`,
      );
    }
    this.indexName = props.indexName;
    this.dimensions = props.dimensions;
    this.fieldMapping = fieldMapping;

    // The same id as this construct: the function's log group address is `<id>_log_group`.
    this.function = new ApplyTimeFunction(this, id, {
      functionName: props.functionName,
      description: 'Creates the knowledge base vector index during apply (aws_lambda_invocation)',
      bundle: props.bundle,
      handler: 'index.handler',
      logRetentionDays: props.logRetentionDays,
      timeoutSeconds: timeoutSeconds + APPLY_STEP_REPORTING_SECONDS,
    });
    props.collection.grantCreateIndex(this.function.role, props.indexName);

    this.invocation = this.function.invoke('invocation', {
      // The apps/kb-apply-steps input (see its README).
      input: {
        collectionEndpoint: props.collection.collectionEndpoint,
        indexName: props.indexName,
        dimension: props.dimensions,
        ...fieldMapping,
        timeoutSeconds,
      },
      // The collection and every policy that decides whether the request is allowed.
      dependsOn: [
        props.collection.collection,
        props.collection.encryptionPolicy,
        props.collection.networkPolicy,
        props.collection.dataAccessPolicy,
      ],
    });
  }
}
