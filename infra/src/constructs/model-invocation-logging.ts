import { BedrockModelInvocationLoggingConfiguration } from '@cdktf/provider-aws/lib/bedrock-model-invocation-logging-configuration';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { isLogRetentionDays } from '../config/rules';
import { servicePrincipal } from '../iam';
import { PolicyRule, suppressPolicyRule } from '../policy';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import { addEncryptionKey } from './encryption-key';
import { stableLogicalId } from './logical-id';
import { checkName, checkProp } from './prop-checks';
import { ServiceRole } from './service-role';

export interface ModelInvocationLoggingProps {
  /** The log group's name (1-512 characters: letters, digits, `_-/.#`). */
  readonly logGroupName: string;
  /** Names the role Bedrock writes with (`<namePrefix>-bedrock-invocation-logging`). */
  readonly namePrefix: string;
  /**
   * Days the log group keeps the records (a CloudWatch Logs retention value).
   * @default 30
   */
  readonly retentionDays?: number;
}

const LOG_GROUP_NAME = /^[\w\-/.#]{1,512}$/;
/** The one stream Bedrock writes invocation records to. */
const INVOCATION_LOG_STREAM = 'aws/bedrock/modelinvocations';

/**
 * Bedrock model invocation logging into a CloudWatch log group of its own: the prompts and answers of every model
 * call of the account and region (text only), encrypted with a key that only CloudWatch Logs may use, and only
 * for this group, kept for `retentionDays`. Bedrock writes through a role it may assume only for this account's
 * calls in this region, allowed to write one stream of this group.
 *
 * Account-wide: Bedrock has one logging configuration per account and region, so at most one stack of an account
 * and region may hold this construct (deleting it turns logging off for the whole account).
 */
export class ModelInvocationLogging extends Construct {
  public readonly key: KmsKey;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly role: ServiceRole;
  public readonly configuration: BedrockModelInvocationLoggingConfiguration;

  public constructor(scope: Construct, id: string, props: ModelInvocationLoggingProps) {
    super(scope, id);
    checkName(this.node.path, 'log group name', props.logGroupName, LOG_GROUP_NAME);
    const retentionDays = props.retentionDays ?? 30;
    checkProp(
      this.node.path,
      retentionDays,
      isLogRetentionDays,
      `${retentionDays} days is not a CloudWatch Logs retention`,
    );
    const stack = PolicyCheckedStack.of(this);
    const logGroupArn = stack.formatArn('logs', `log-group:${props.logGroupName}`);

    this.key = addEncryptionKey(this, {
      description: `Encrypts the ${props.logGroupName} log group (Bedrock model invocations)`,
      serviceStatements: [
        {
          Sid: 'CloudWatchLogsUseForTheGroup',
          Effect: 'Allow',
          Principal: { Service: servicePrincipal(`logs.${stack.region}`) },
          Action: [
            'kms:Encrypt',
            'kms:Decrypt',
            'kms:ReEncryptFrom',
            'kms:ReEncryptTo',
            'kms:GenerateDataKey',
            'kms:GenerateDataKeyWithoutPlaintext',
            'kms:DescribeKey',
          ],
          Resource: '*',
          Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
        },
      ],
    });
    this.key.overrideLogicalId(stableLogicalId(id, 'key'));
    suppressPolicyRule(
      this.key,
      PolicyRule.SERVICE_PRINCIPAL_UNSCOPED,
      'CloudWatch Logs is scoped as AWS documents it for log group keys: the encryption context names this one ' +
        "log group (its ARN carries the account); Logs' calls to KMS are not documented to carry aws:SourceArn.",
    );

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: props.logGroupName,
      retentionInDays: retentionDays,
      kmsKeyId: this.key.arn,
    });
    this.logGroup.overrideLogicalId(stableLogicalId(id, 'log_group'));

    this.role = new ServiceRole(this, 'role', {
      roleName: `${props.namePrefix}-bedrock-invocation-logging`.slice(0, 64),
      description: 'Bedrock writes model invocation records to one log group with this role',
      servicePrincipal: servicePrincipal('bedrock'),
      sourceArn: stack.formatArn('bedrock', '*'),
    });
    this.role.addToPrincipalPolicy({
      Sid: 'WriteInvocationRecords',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: [`${logGroupArn}:log-stream:${INVOCATION_LOG_STREAM}`],
    });

    this.configuration = new BedrockModelInvocationLoggingConfiguration(this, 'configuration', {
      loggingConfig: {
        textDataDeliveryEnabled: true,
        imageDataDeliveryEnabled: false,
        embeddingDataDeliveryEnabled: false,
        videoDataDeliveryEnabled: false,
        cloudwatchConfig: { logGroupName: this.logGroup.name, roleArn: this.role.roleArn },
      },
      // Bedrock checks the role when the configuration is put: its permissions must be attached first.
      dependsOn: [this.role.policy, this.logGroup],
    });
  }
}
