import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { OperationalAlarms, type OperationalAlarmsProps } from '../../../src/constructs/operational-alarms';
import { ConstructPropsError } from '../../../src/errors';
import { newStack, resources, synth } from '../../helpers';

const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:orders-alarms';

function alarms(overrides: Partial<OperationalAlarmsProps> = {}) {
  const stack = newStack();
  new OperationalAlarms(stack, 'Alarms', {
    alarmNamePrefix: 'orders',
    topicArn: TOPIC,
    functionName: 'order-actions',
    ...overrides,
  });
  const json = synth(stack);
  const byName = Object.fromEntries(
    Object.values(resources(json, 'aws_cloudwatch_metric_alarm')).map((alarm) => [alarm.alarm_name, alarm]),
  );
  return { json, byName };
}

describe('OperationalAlarms', () => {
  it('alarms on Lambda errors and throttles of the function, to the topic, from the first one by default', () => {
    const { json } = alarms();
    for (const metric of ['Errors', 'Throttles']) {
      expect(JSON.stringify(json)).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
        namespace: 'AWS/Lambda',
        metric_name: metric,
        dimensions: { FunctionName: 'order-actions' },
        statistic: 'Sum',
        period: 300,
        evaluation_periods: 1,
        threshold: 1,
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        alarm_actions: [TOPIC],
        ok_actions: [TOPIC],
      });
    }
  });

  it("alarms on the agent's InvokeAgent server and client errors together", () => {
    const alarm = alarms().byName['orders-agent-invocation-errors']!;
    const queries = alarm.metric_query as Array<{ expression?: string; metric?: { metric_name: string } }>;
    expect(queries.map((query) => query.metric?.metric_name ?? query.expression)).toEqual([
      'InvocationServerErrors',
      'InvocationClientErrors',
      'FILL(server, 0) + FILL(client, 0)',
    ]);
    expect(queries[0]!.metric).toMatchObject({
      namespace: 'AWS/Bedrock/Agents',
      dimensions: { Operation: 'InvokeAgent' },
    });
    expect(alarm).toMatchObject({ threshold: 1, treat_missing_data: 'notBreaching' });
  });

  it('names every alarm with the prefix (the alarm key only serves those)', () => {
    expect(Object.keys(alarms().byName).sort()).toEqual([
      'orders-agent-invocation-errors',
      'orders-lambda-errors',
      'orders-lambda-throttles',
    ]);
  });

  it('takes thresholds, period and evaluation periods from its props', () => {
    const { byName } = alarms({
      lambdaErrorsThreshold: 5,
      lambdaThrottlesThreshold: 6,
      agentInvocationErrorsThreshold: 7,
      periodSeconds: 60,
      evaluationPeriods: 3,
    });
    expect(byName['orders-lambda-errors']).toMatchObject({ threshold: 5, period: 60, evaluation_periods: 3 });
    expect(byName['orders-lambda-throttles']).toMatchObject({ threshold: 6 });
    expect(byName['orders-agent-invocation-errors']).toMatchObject({ threshold: 7, evaluation_periods: 3 });
  });

  it('also notifies existing topics of the region, on alarm and on recovery', () => {
    const pager = 'arn:aws:sns:eu-west-1:111111111111:ops-pager';
    for (const alarm of Object.values(alarms({ additionalTopicArns: [pager] }).byName)) {
      expect(alarm).toMatchObject({ alarm_actions: [TOPIC, pager], ok_actions: [TOPIC, pager] });
    }
  });

  it.each([
    [
      'additional topic in another region',
      { additionalTopicArns: ['arn:aws:sns:us-east-1:111111111111:ops-pager'] },
      /is not an SNS topic ARN in eu-west-1/,
    ],
    ['additional topic ARN', { additionalTopicArns: ['ops-pager'] }, /"ops-pager" is not an SNS topic ARN/],
    ['threshold', { lambdaErrorsThreshold: 0 }, /thresholds must be positive integers/],
    ['period', { periodSeconds: 90 }, /multiple of 60 seconds/],
    ['evaluation period count', { evaluationPeriods: 0 }, /evaluation periods/],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => alarms(overrides)).toThrow(ConstructPropsError);
    expect(() => alarms(overrides)).toThrow(message);
  });
});
