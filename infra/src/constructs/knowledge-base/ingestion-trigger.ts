import type { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import type { TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { APPLY_STEP_REPORTING_SECONDS, LIMITS } from '../../config/rules';
import { checkInteger } from '../prop-checks';
import { ApplyTimeFunction } from './apply-time-function';
import type { DocumentsBucket } from './documents-bucket';
import type { DocumentsKnowledgeBase } from './knowledge-base';

export interface IngestionTriggerProps {
  /** The knowledge base whose data source is synced. */
  readonly knowledgeBase: DocumentsKnowledgeBase;
  /** The documents: their hash keys the invocation, their objects must be uploaded first. */
  readonly documents: DocumentsBucket;
  /** The zipped apps/kb-apply-steps bundle. */
  readonly bundle: TerraformAsset;
  /** Lambda function name; also names its log group and role. */
  readonly functionName: string;
  /** Days the function's log group keeps its logs. */
  readonly logRetentionDays: number;
  /**
   * Time the step may spend retrying (a job still running, IAM propagation), 1-870 seconds; the function's
   * timeout is 30 s more.
   * @default 120
   */
  readonly timeoutSeconds?: number;
}

/**
 * Starts an ingestion job whenever the documents change: the kb-index Lambda's `index.startIngestion`, invoked
 * during apply by an `aws_lambda_invocation` whose trigger is the documents' hash (and whose input names the
 * knowledge base and data source, so a new data source is synced too). It runs after the data source and every
 * document object exist, returns once Bedrock accepted the job, and may only start jobs of this knowledge base.
 * `order-agent kb sync` starts one by hand and follows it.
 */
export class IngestionTrigger extends Construct {
  public readonly function: ApplyTimeFunction;
  public readonly invocation: LambdaInvocation;

  public constructor(scope: Construct, id: string, props: IngestionTriggerProps) {
    super(scope, id);
    const timeoutSeconds = props.timeoutSeconds ?? 120;
    checkInteger(
      this.node.path,
      'the ingestion step timeout',
      timeoutSeconds,
      LIMITS.applyStepTimeoutSeconds,
    );

    // The same id as this construct: the function's log group address is `<id>_log_group`.
    this.function = new ApplyTimeFunction(this, id, {
      functionName: props.functionName,
      description: 'Starts a knowledge base ingestion job when the documents change (aws_lambda_invocation)',
      bundle: props.bundle,
      handler: 'index.startIngestion',
      logRetentionDays: props.logRetentionDays,
      timeoutSeconds: timeoutSeconds + APPLY_STEP_REPORTING_SECONDS,
    });
    props.knowledgeBase.grantStartIngestion(this.function.role);

    const hash = props.documents.documentsHash;
    this.invocation = this.function.invoke('invocation', {
      input: {
        knowledgeBaseId: props.knowledgeBase.knowledgeBaseId,
        dataSourceId: props.knowledgeBase.dataSourceId,
        description: `Documents changed (sha256 ${hash.slice(0, 16)})`,
        timeoutSeconds,
      },
      triggers: { documents: hash },
      dependsOn: [props.knowledgeBase.dataSource, ...props.documents.documents.map(({ object }) => object)],
    });
  }
}
