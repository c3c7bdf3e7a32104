import { describeBlocked, destructiveChanges, guardPlan } from '../../src/operator/plan-guard';
import type { PlanResourceChange } from '../../src/operator/terraform/plan-summary';

const change = (
  address: string,
  actions: string[],
  extra: Partial<PlanResourceChange> = {},
): PlanResourceChange => ({
  address,
  mode: 'managed',
  type: address.split('.')[0]!,
  change: { actions },
  ...extra,
});

const plan = {
  resource_changes: [
    change('aws_dynamodb_table.orders_table', ['delete'], {
      action_reason: 'delete_because_no_resource_config',
    }),
    change('aws_s3_bucket.documents_bucket', ['create', 'delete'], {
      action_reason: 'replace_because_cannot_update',
    }),
    change('aws_kms_key.alarm_topic_key', ['delete', 'create']),
    // Not stateful: replacing a role or a policy loses nothing.
    change('aws_iam_role.OrderAgent_role_1234', ['delete', 'create']),
    change('aws_iam_role_policy.OrderAgent_policy_1234', ['delete']),
    // Stateful, but not destroyed.
    change('aws_sns_topic.alarm_topic', ['update']),
    change('aws_cloudwatch_log_group.order_actions_log_group', ['no-op'], {
      previous_address: 'aws_cloudwatch_log_group.old',
    }),
    change('aws_bedrockagent_agent.order_agent', ['create']),
    { ...change('aws_s3_bucket.read_only', ['read']), mode: 'data' },
  ],
};

describe('the plan guard', () => {
  it('finds the deletes and replacements of stateful resources, and nothing else', () => {
    expect(destructiveChanges(plan)).toEqual([
      {
        address: 'aws_dynamodb_table.orders_table',
        type: 'aws_dynamodb_table',
        action: 'delete',
        reason: 'delete_because_no_resource_config',
      },
      {
        address: 'aws_s3_bucket.documents_bucket',
        type: 'aws_s3_bucket',
        action: 'replace',
        reason: 'replace_because_cannot_update',
      },
      { address: 'aws_kms_key.alarm_topic_key', type: 'aws_kms_key', action: 'replace' },
    ]);
  });

  it('lets through exactly the addresses --allow-destroy names', () => {
    const verdict = guardPlan(plan, new Set(['aws_kms_key.alarm_topic_key', 'aws_sns_topic.alarm_topic']));
    expect(verdict.allowed.map((entry) => entry.address)).toEqual(['aws_kms_key.alarm_topic_key']);
    expect(verdict.blocked.map((entry) => entry.address)).toEqual([
      'aws_dynamodb_table.orders_table',
      'aws_s3_bucket.documents_bucket',
    ]);
  });

  it('says what it blocks and the ways forward', () => {
    const message = describeBlocked('order-agent-prod', guardPlan(plan, new Set()).blocked);
    expect(message).toContain('plan guard: order-agent-prod would destroy stateful resources:');
    expect(message).toContain(
      '  aws_dynamodb_table.orders_table: delete (delete_because_no_resource_config)',
    );
    expect(message).toContain('  aws_kms_key.alarm_topic_key: replace\n');
    expect(message).toContain('infra/src/state-safety/declared-moves.ts');
    expect(message).toContain('--allow-destroy <address>');
  });

  it('passes an empty plan', () => {
    expect(guardPlan({}, new Set())).toEqual({ blocked: [], allowed: [] });
  });
});
