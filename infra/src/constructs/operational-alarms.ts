import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { isWithin, LIMITS, SNS_TOPIC_ARN_PATTERN } from '../config/rules';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import { checkInteger, checkProp } from './prop-checks';

export interface OperationalAlarmsProps {
  /** Alarm names are `<alarmNamePrefix>-<what>` (the alarm topic's key serves only such alarms). */
  readonly alarmNamePrefix: string;
  /** The SNS topic that receives alarm and recovery notifications. */
  readonly topicArn: string;
  /**
   * Existing SNS topics (in the stack's region) that receive them too; their access policy must let CloudWatch
   * publish (and, when encrypted, their key must let it use the key).
   * @default []
   */
  readonly additionalTopicArns?: readonly string[];
  /** The order-actions Lambda's name. */
  readonly functionName: string;
  /**
   * Lambda errors per period that raise the alarm.
   * @default 1
   */
  readonly lambdaErrorsThreshold?: number;
  /**
   * Lambda throttles per period that raise the alarm.
   * @default 1
   */
  readonly lambdaThrottlesThreshold?: number;
  /**
   * Failed InvokeAgent calls (server and client errors) per period that raise the alarm.
   * @default 1
   */
  readonly agentInvocationErrorsThreshold?: number;
  /**
   * Period length in seconds (a multiple of 60).
   * @default 300
   */
  readonly periodSeconds?: number;
  /**
   * Breaching periods in a row before the alarm fires.
   * @default 1
   */
  readonly evaluationPeriods?: number;
}

/**
 * Alarms on what breaks the agent for users: the Lambda failing or being throttled, and InvokeAgent calls
 * failing. Agent metrics are published per operation (dimension `Operation`), not per agent, so the agent
 * alarm covers every agent of the account and region: one environment per account keeps that precise.
 */
export class OperationalAlarms extends Construct {
  public readonly lambdaErrors: CloudwatchMetricAlarm;
  public readonly lambdaThrottles: CloudwatchMetricAlarm;
  public readonly agentInvocationErrors: CloudwatchMetricAlarm;

  public constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    validate(this.node.path, props, PolicyCheckedStack.of(this).region);
    const period = props.periodSeconds ?? 300;
    const topics = [props.topicArn, ...(props.additionalTopicArns ?? [])];
    const common = {
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      evaluationPeriods: props.evaluationPeriods ?? 1,
      treatMissingData: 'notBreaching',
      alarmActions: topics,
      okActions: topics,
    };
    const lambdaMetric = (metricName: string) => ({
      namespace: 'AWS/Lambda',
      metricName,
      dimensions: { FunctionName: props.functionName },
      statistic: 'Sum',
      period,
    });

    this.lambdaErrors = new CloudwatchMetricAlarm(this, 'lambda-errors', {
      ...common,
      ...lambdaMetric('Errors'),
      alarmName: `${props.alarmNamePrefix}-lambda-errors`,
      alarmDescription: 'The order-actions Lambda failed (threw, timed out or ran out of memory).',
      threshold: props.lambdaErrorsThreshold ?? 1,
    });
    this.lambdaThrottles = new CloudwatchMetricAlarm(this, 'lambda-throttles', {
      ...common,
      ...lambdaMetric('Throttles'),
      alarmName: `${props.alarmNamePrefix}-lambda-throttles`,
      alarmDescription: 'The order-actions Lambda was throttled: the agent could not run an action.',
      threshold: props.lambdaThrottlesThreshold ?? 1,
    });
    const agentMetric = (metricId: string, metricName: string) => ({
      id: metricId,
      returnData: false,
      metric: {
        namespace: 'AWS/Bedrock/Agents',
        metricName,
        dimensions: { Operation: 'InvokeAgent' },
        stat: 'Sum',
        period,
      },
    });
    this.agentInvocationErrors = new CloudwatchMetricAlarm(this, 'agent-invocation-errors', {
      ...common,
      alarmName: `${props.alarmNamePrefix}-agent-invocation-errors`,
      alarmDescription:
        'InvokeAgent calls failed (AWS/Bedrock/Agents InvocationServerErrors + InvocationClientErrors).',
      threshold: props.agentInvocationErrorsThreshold ?? 1,
      metricQuery: [
        agentMetric('server', 'InvocationServerErrors'),
        agentMetric('client', 'InvocationClientErrors'),
        {
          id: 'errors',
          expression: 'FILL(server, 0) + FILL(client, 0)',
          label: 'InvokeAgent errors',
          returnData: true,
        },
      ],
    });
  }
}

function validate(path: string, props: OperationalAlarmsProps, region: string): void {
  const thresholds = [
    props.lambdaErrorsThreshold,
    props.lambdaThrottlesThreshold,
    props.agentInvocationErrorsThreshold,
  ];
  for (const threshold of thresholds) {
    checkProp(
      path,
      threshold,
      (value) => value === undefined || isWithin(value, LIMITS.alarmThreshold),
      'alarm thresholds must be positive integers',
    );
  }
  checkProp(
    path,
    props.periodSeconds,
    (period) => period === undefined || (isWithin(period, LIMITS.alarmPeriodSeconds) && period % 60 === 0),
    'the period must be a multiple of 60 seconds, at most one day',
  );
  checkInteger(path, 'evaluation periods', props.evaluationPeriods, LIMITS.alarmEvaluationPeriods);
  for (const arn of props.additionalTopicArns ?? []) {
    checkProp(
      path,
      arn,
      (value) => SNS_TOPIC_ARN_PATTERN.exec(value)?.[1] === region,
      `${JSON.stringify(arn)} is not an SNS topic ARN in ${region} (alarm actions stay in their region)`,
    );
  }
}
