import {
  AlarmChatNotifications,
  type AlarmChatNotificationsProps,
} from '../../../src/constructs/alarm-chat-notifications';
import { ConstructPropsError } from '../../../src/errors';
import { errorAnnotations, newStack, onlyResource, REGION, resources, synth } from '../../helpers';

const SLACK = 'arn:aws:chatbot::111111111111:chat-configuration/slack-channel/order-agent-alerts';
const TEAMS = 'arn:aws:chatbot::111111111111:chat-configuration/microsoft-teams-channel/order-agent';

function build(overrides: Partial<AlarmChatNotificationsProps> = {}) {
  const stack = newStack();
  new AlarmChatNotifications(stack, 'AlarmChat', {
    configurationName: 'orders-alarms',
    alarmNamePrefix: 'orders',
    chatConfigurationArns: [SLACK],
    ...overrides,
  });
  return { stack, json: synth(stack) };
}

describe('AlarmChatNotifications', () => {
  it('sends at once, without batching', () => {
    expect(onlyResource(build().json, 'aws_notifications_notification_configuration')).toMatchObject({
      name: 'orders-alarms',
      aggregation_duration: 'NONE',
    });
  });

  it("picks the state changes of this environment's alarms in the stack's region", () => {
    const rule = onlyResource(build().json, 'aws_notifications_event_rule');
    expect(rule).toMatchObject({
      source: 'aws.cloudwatch',
      event_type: 'CloudWatch Alarm State Change',
      regions: [REGION],
      notification_configuration_arn: expect.stringMatching(
        /^\$\{aws_notifications_notification_configuration\.\w+\.arn\}$/,
      ),
    });
    expect(JSON.parse(String(rule.event_pattern))).toEqual({
      detail: { alarmName: [{ prefix: 'orders-' }] },
    });
  });

  it('associates each chat configuration it is given', () => {
    const associations = Object.values(
      resources(
        build({ chatConfigurationArns: [SLACK, TEAMS] }).json,
        'aws_notifications_channel_association',
      ),
    );
    expect(associations.map((association) => association.arn)).toEqual([SLACK, TEAMS]);
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(build().stack)).toEqual([]);
  });

  it.each([
    ['configuration name', { configurationName: 'orders alarms' }, /notification configuration name/],
    ['empty channel list', { chatConfigurationArns: [] }, /at least one chat configuration ARN/],
    [
      'chat configuration ARN',
      { chatConfigurationArns: ['arn:aws:sns:eu-west-1:111111111111:chat'] },
      /is not a chat configuration ARN/,
    ],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => build(overrides)).toThrow(ConstructPropsError);
    expect(() => build(overrides)).toThrow(message);
  });
});
