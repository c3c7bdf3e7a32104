import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { EMAIL_PATTERN } from '../config/rules';
import { servicePrincipal } from '../iam';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import { addEncryptionKey } from './encryption-key';
import { stableLogicalId } from './logical-id';
import { checkName, checkProp } from './prop-checks';

export interface AlarmTopicProps {
  /** Topic name (letters, digits, `-_`, at most 256 characters). */
  readonly topicName: string;
  /** Only alarms named `<alarmNamePrefix>-...` may publish through the key (its aws:SourceArn condition). */
  readonly alarmNamePrefix: string;
  /**
   * E-mail addresses to subscribe (each must confirm).
   * @default []
   */
  readonly emails?: readonly string[];
}

const TOPIC_NAME = /^[\w-]{1,256}$/;

/**
 * The environment's alarm topic, encrypted with its own KMS key. CloudWatch cannot publish to a topic
 * encrypted with the AWS-managed `alias/aws/sns` key (its policy cannot grant CloudWatch), so the key here
 * lets CloudWatch alarms of the stack's account, and only those, use it.
 */
export class AlarmTopic extends Construct {
  public readonly key: KmsKey;
  public readonly topic: SnsTopic;
  public readonly topicArn: string;

  public constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    checkName(this.node.path, 'topic name', props.topicName, TOPIC_NAME);
    for (const email of props.emails ?? []) {
      checkProp(
        this.node.path,
        email,
        (address) => EMAIL_PATTERN.test(address),
        `${JSON.stringify(email)} is not an e-mail address`,
      );
    }
    const stack = PolicyCheckedStack.of(this);

    this.key = addEncryptionKey(this, {
      description: `Encrypts the ${props.topicName} SNS topic`,
      serviceStatements: [
        {
          Sid: 'CloudWatchAlarmsPublish',
          Effect: 'Allow',
          Principal: { Service: servicePrincipal('cloudwatch') },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': stack.account },
            ArnLike: { 'aws:SourceArn': stack.formatArn('cloudwatch', `alarm:${props.alarmNamePrefix}-*`) },
          },
        },
      ],
    });
    this.key.overrideLogicalId(stableLogicalId(id, 'key'));
    new KmsAlias(this, 'key-alias', { name: `alias/${props.topicName}`, targetKeyId: this.key.keyId });

    this.topic = new SnsTopic(this, 'topic', { name: props.topicName, kmsMasterKeyId: this.key.arn });
    this.topic.overrideLogicalId(stableLogicalId(id, 'topic'));
    this.topicArn = this.topic.arn;
    (props.emails ?? []).forEach((email, index) => {
      new SnsTopicSubscription(this, `email-${index}`, {
        topicArn: this.topicArn,
        protocol: 'email',
        endpoint: email,
      });
    });
  }
}
