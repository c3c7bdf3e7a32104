import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { AlarmTopic, type AlarmTopicProps } from '../../../src/constructs/alarm-topic';
import { ConstructPropsError } from '../../../src/errors';
import {
  ACCOUNT,
  errorAnnotations,
  infoAnnotations,
  onlyResource,
  REGION,
  ref,
  resources,
  statements,
} from '../../helpers';
import { inNewStack } from '../../support/construct-fixtures';

function build(overrides: Partial<AlarmTopicProps> = {}) {
  const built = inNewStack((stack) => ({
    topic: new AlarmTopic(stack, 'AlarmTopic', {
      topicName: 'orders-alarms',
      alarmNamePrefix: 'orders',
      ...overrides,
    }),
  }));
  return { stack: built.stack, json: built.json };
}

describe('AlarmTopic', () => {
  it('encrypts the topic with its own rotating key', () => {
    const { json } = build();
    expect(JSON.stringify(json)).toHaveResourceWithProperties(SnsTopic, {
      name: 'orders-alarms',
      kms_master_key_id: ref('aws_kms_key.alarm_topic_key.arn'),
    });
    expect(onlyResource(json, 'aws_kms_key')).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
    });
    expect(onlyResource(json, 'aws_kms_alias').name).toBe('alias/orders-alarms');
  });

  it("lets only this account's alarms with the prefix use the key", () => {
    const cloudWatch = statements(onlyResource(build().json, 'aws_kms_key').policy).find(
      (statement) => statement.Sid === 'CloudWatchAlarmsPublish',
    );
    expect(cloudWatch).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Condition: {
        StringEquals: { 'aws:SourceAccount': ACCOUNT },
        ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:orders-*` },
      },
    });
  });

  it('passes the policy rules with the default key policy as a reviewed, visible exception', () => {
    const { stack } = build();
    expect(errorAnnotations(stack)).toEqual([]);
    expect(infoAnnotations(stack)).toEqual([
      expect.stringMatching(/^\[WILDCARD_ACTION\] suppressed: The default KMS key policy/),
    ]);
  });

  it('subscribes no one by default', () => {
    expect(resources(build().json, 'aws_sns_topic_subscription')).toEqual({});
  });

  it('subscribes each e-mail address it is given', () => {
    const subscriptions = Object.values(
      resources(build({ emails: ['ops@example.com', 'dev@example.com'] }).json, 'aws_sns_topic_subscription'),
    );
    expect(subscriptions.map((subscription) => [subscription.protocol, subscription.endpoint])).toEqual([
      ['email', 'ops@example.com'],
      ['email', 'dev@example.com'],
    ]);
  });

  it.each([
    ['topic name', { topicName: 'orders alarms' }, /topic name/],
    ['e-mail address', { emails: ['ops'] }, /"ops" is not an e-mail address/],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => build(overrides)).toThrow(ConstructPropsError);
    expect(() => build(overrides)).toThrow(message);
  });
});
