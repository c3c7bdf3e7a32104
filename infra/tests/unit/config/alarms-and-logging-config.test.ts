import { findEnvironment, loadInfraConfig } from '../../../src/config/load-config';
import { MODEL_INVOCATION_LOGGING_DEFAULTS } from '../../../src/config/rules';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';
import { configAfter, problemsAfter } from '../../support/config-doc';

const TOPIC = 'arn:aws:sns:us-east-1:222222222222:ops-pager';
const CHAT = 'arn:aws:chatbot::222222222222:chat-configuration/slack-channel/order-agent-alerts';
const noSubscribers = (alarms: Record<string, unknown>) => {
  alarms.emails = [];
  delete alarms.snsTopicArns;
  delete alarms.chatConfigurationArns;
};

describe('alarm subscribers', () => {
  it('gives prod a subscriber in the reviewed file (a placeholder address to replace)', () => {
    const prod = findEnvironment(loadInfraConfig(DEFAULT_CONFIG_FILE), 'prod');
    expect(prod.alarms).toMatchObject({
      emails: ['order-agent-oncall@example.com'],
      snsTopicArns: [],
      chatConfigurationArns: [],
    });
  });

  it('defaults topics and chat configurations to none', () => {
    const dev = findEnvironment(
      configAfter(() => {}),
      'dev',
    );
    expect(dev.alarms).toMatchObject({ emails: [], snsTopicArns: [], chatConfigurationArns: [] });
  });

  it('fails an environment with deletionProtection and no subscriber with one line naming the key', () => {
    expect(problemsAfter((doc) => noSubscribers(doc.environments.prod.alarms))).toEqual([
      '$.environments.prod.alarms: no subscriber: set emails, snsTopicArns, chatConfigurationArns (at least one), an environment with deletionProtection must alert someone',
    ]);
  });

  it('lets an environment without deletionProtection go without subscribers (dev)', () => {
    expect(problemsAfter((doc) => noSubscribers(doc.environments.dev.alarms))).toEqual([]);
  });

  it.each([
    ['an existing SNS topic', { snsTopicArns: [TOPIC] }],
    ['a chat configuration', { chatConfigurationArns: [CHAT] }],
  ])('counts %s as a subscriber', (_what, subscribers) => {
    const config = configAfter((doc) => {
      noSubscribers(doc.environments.prod.alarms);
      Object.assign(doc.environments.prod.alarms, subscribers);
    });
    expect(findEnvironment(config, 'prod').alarms).toMatchObject(subscribers);
  });

  it.each([
    ['an SNS topic ARN', { snsTopicArns: ['ops-pager'] }, 'alarms.snsTopicArns: not SNS topic ARNs'],
    [
      'a chat configuration ARN',
      { chatConfigurationArns: ['arn:aws:sns:us-east-1:222222222222:chat'] },
      'alarms.chatConfigurationArns: not chat configuration ARNs',
    ],
    ['a list', { snsTopicArns: TOPIC }, 'alarms.snsTopicArns: "arn:aws:sns'],
    [
      'a topic in another region',
      { snsTopicArns: ['arn:aws:sns:eu-west-1:222222222222:ops-pager'] },
      "alarms.snsTopicArns: arn:aws:sns:eu-west-1:222222222222:ops-pager is in eu-west-1; alarm actions must be in the environment's region (us-east-1)",
    ],
  ])('rejects %s that is not one', (_what, value, expected) => {
    const problems = problemsAfter((doc) => Object.assign(doc.environments.prod.alarms, value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });
});

describe('model invocation logging', () => {
  it('is on where the reviewed file opts in (prod, alone in its account) and off where it says nothing (dev)', () => {
    const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
    expect(findEnvironment(config, 'prod').modelInvocationLogging).toEqual({
      enabled: true,
      retentionDays: 90,
    });
    expect(findEnvironment(config, 'dev').modelInvocationLogging).toEqual(MODEL_INVOCATION_LOGGING_DEFAULTS);
  });

  it('defaults to off, with a 30-day retention when turned on without one', () => {
    expect(MODEL_INVOCATION_LOGGING_DEFAULTS).toEqual({ enabled: false, retentionDays: 30 });
    const config = configAfter((doc) => (doc.environments.prod.modelInvocationLogging = { enabled: true }));
    expect(findEnvironment(config, 'prod').modelInvocationLogging).toEqual({
      enabled: true,
      retentionDays: 30,
    });
  });

  it('takes a retention CloudWatch Logs accepts', () => {
    const config = configAfter(
      (doc) => (doc.environments.prod.modelInvocationLogging = { enabled: true, retentionDays: 90 }),
    );
    expect(findEnvironment(config, 'prod').modelInvocationLogging).toEqual({
      enabled: true,
      retentionDays: 90,
    });
  });

  it.each([
    [{ enabled: 'yes' }, 'modelInvocationLogging.enabled: "yes" is not allowed; expected true or false'],
    [{ enabled: true, retentionDays: 0 }, 'modelInvocationLogging.retentionDays: 0 is not allowed'],
    [{ enabled: true, bucket: 'logs' }, 'modelInvocationLogging.bucket: unknown key'],
    ['on', 'modelInvocationLogging: must be an object'],
  ])('rejects %j', (value, expected) => {
    const problems = problemsAfter((doc) => (doc.environments.dev.modelInvocationLogging = value));
    expect(problems.join('\n')).toContain(expected);
  });
});
