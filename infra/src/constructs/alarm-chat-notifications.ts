import { NotificationsChannelAssociation } from '@cdktf/provider-aws/lib/notifications-channel-association';
import { NotificationsEventRule } from '@cdktf/provider-aws/lib/notifications-event-rule';
import { NotificationsNotificationConfiguration } from '@cdktf/provider-aws/lib/notifications-notification-configuration';
import { Construct } from 'constructs';
import { CHAT_CONFIGURATION_ARN_PATTERN } from '../config/rules';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import { checkName, checkProp } from './prop-checks';

export interface AlarmChatNotificationsProps {
  /** The notification configuration's name (1-64 characters: letters, digits, `-_`). */
  readonly configurationName: string;
  /** Alarms named `<alarmNamePrefix>-...` are the ones sent to chat. */
  readonly alarmNamePrefix: string;
  /** Amazon Q Developer in chat (AWS Chatbot) channel configurations to send them to (at least one). */
  readonly chatConfigurationArns: readonly string[];
}

const CONFIGURATION_NAME = /^[\w-]{1,64}$/;

/**
 * Sends this environment's alarm state changes to chat channels through AWS User Notifications: a notification
 * configuration, an event rule for `CloudWatch Alarm State Change` events of the stack's region whose alarm name
 * starts with the prefix, and the existing chat channel configurations associated with it. A chat configuration
 * cannot be a CloudWatch alarm action itself (those are SNS, Lambda, Systems Manager and investigations), and
 * its own list of SNS topics belongs to whoever manages it; User Notifications takes its ARN as it is.
 *
 * User Notifications needs a notification hub in the account (an account-wide setting registered once, e.g. in
 * its console); this construct does not create one.
 */
export class AlarmChatNotifications extends Construct {
  public readonly configuration: NotificationsNotificationConfiguration;
  public readonly eventRule: NotificationsEventRule;

  public constructor(scope: Construct, id: string, props: AlarmChatNotificationsProps) {
    super(scope, id);
    checkName(this.node.path, 'notification configuration name', props.configurationName, CONFIGURATION_NAME);
    checkProp(
      this.node.path,
      props.chatConfigurationArns,
      (arns) => arns.length > 0,
      'at least one chat configuration ARN is needed',
    );
    for (const arn of props.chatConfigurationArns) {
      checkProp(
        this.node.path,
        arn,
        (value) => CHAT_CONFIGURATION_ARN_PATTERN.test(value),
        `${JSON.stringify(arn)} is not a chat configuration ARN`,
      );
    }
    const stack = PolicyCheckedStack.of(this);

    this.configuration = new NotificationsNotificationConfiguration(this, 'configuration', {
      name: props.configurationName,
      description: `CloudWatch alarms ${props.alarmNamePrefix}-* changing state`,
      // An alarm is news now: no batching.
      aggregationDuration: 'NONE',
    });
    this.eventRule = new NotificationsEventRule(this, 'alarm-state-changes', {
      notificationConfigurationArn: this.configuration.arn,
      source: 'aws.cloudwatch',
      eventType: 'CloudWatch Alarm State Change',
      regions: [stack.region],
      eventPattern: JSON.stringify({ detail: { alarmName: [{ prefix: `${props.alarmNamePrefix}-` }] } }),
    });
    props.chatConfigurationArns.forEach((arn, index) => {
      new NotificationsChannelAssociation(this, `channel-${index}`, {
        arn,
        notificationConfigurationArn: this.configuration.arn,
      });
    });
  }
}
