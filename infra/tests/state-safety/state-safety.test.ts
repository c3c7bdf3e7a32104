import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Construct } from 'constructs';
import { AgentAlias } from '../../src/constructs/agent-alias';
import { AlarmTopic } from '../../src/constructs/alarm-topic';
import { OrdersTable } from '../../src/constructs/orders-table';
import { applyStateSafety } from '../../src/state-safety/apply-state-safety';
import {
  comparePinnedAddresses,
  describePinMismatches,
  statefulAddresses,
} from '../../src/state-safety/pinned-addresses';
import { isStatefulResourceType } from '../../src/state-safety/stateful-resources';
import { errorAnnotations, newStack, synth } from '../helpers';
import { type SynthesizedStack, synthesizeAppStacks } from '../support/app-stacks';
import { agentFixture } from '../support/construct-fixtures';

/** The stateful constructs of an environment (table, log group, guardrail, agent, alias, key, topic). */
function statefulFixture(scope: Construct): void {
  const { agent } = agentFixture(scope);
  new AgentAlias(scope, 'ProductionAlias', { agent });
  new AlarmTopic(scope, 'AlarmTopic', {
    topicName: 'alarms',
    alarmNamePrefix: 'test',
  });
}

function synthesized(build: (scope: Construct) => void, preventDestroy = false) {
  const stack = newStack();
  build(stack);
  applyStateSafety(stack, { preventDestroy, moves: [] });
  return { stack, json: synth(stack) as SynthesizedStack };
}

/** `[address, resource]` of every stateful resource of a synthesized stack. */
function statefulResources(json: SynthesizedStack): Array<[string, Record<string, unknown>]> {
  return Object.entries(json.resource ?? {})
    .filter(([type]) => isStatefulResourceType(type))
    .flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, body]): [string, Record<string, unknown>] => [
        `${type}.${name}`,
        body,
      ]),
    );
}

const preventsDestroy = (body: Record<string, unknown>) =>
  (body.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true;

describe('stable addresses', () => {
  it("do not depend on the construct's place in the tree", () => {
    const flat = synthesized(statefulFixture);
    const nested = synthesized((scope) =>
      statefulFixture(new Construct(new Construct(scope, 'Service'), 'Core')),
    );
    expect(statefulAddresses(nested.json)).toEqual(statefulAddresses(flat.json));
    expect(statefulAddresses(flat.json)).toEqual([
      'aws_bedrock_guardrail.guardrail',
      'aws_bedrockagent_agent.order_agent',
      'aws_bedrockagent_agent_alias.production_alias',
      'aws_cloudwatch_log_group.order_actions_log_group',
      'aws_dynamodb_table.orders_table',
      'aws_kms_key.alarm_topic_key',
      'aws_sns_topic.alarm_topic',
    ]);
  });

  it('make a renamed stateful construct fail the pin comparison, naming both addresses and the move', () => {
    const before = synthesized((scope) => new OrdersTable(scope, 'OrdersTable', { tableName: 'orders' }));
    const after = synthesized((scope) => new OrdersTable(scope, 'OrderStore', { tableName: 'orders' }));
    const pinned = { 'order-agent-dev': statefulAddresses(before.json) };

    const mismatches = comparePinnedAddresses(pinned, { 'order-agent-dev': statefulAddresses(after.json) });

    expect(mismatches).toEqual([
      {
        stack: 'order-agent-dev',
        disappeared: ['aws_dynamodb_table.orders_table'],
        appeared: ['aws_dynamodb_table.order_store_table'],
      },
    ]);
    const message = describePinMismatches(mismatches, 'infra/tests/state-safety/pinned-addresses.json');
    expect(message).toContain('- aws_dynamodb_table.orders_table  (pinned, no longer synthesized)');
    expect(message).toContain('+ aws_dynamodb_table.order_store_table  (synthesized, not pinned)');
    expect(message).toContain(
      "{ from: 'aws_dynamodb_table.orders_table', to: 'aws_dynamodb_table.order_store_table', reason: '...' }",
    );
    expect(message).toContain(
      'npm run state -- mv <env> aws_dynamodb_table.orders_table aws_dynamodb_table.order_store_table',
    );
    expect(message).toContain(
      'cd infra && UPDATE_PINNED_ADDRESSES=1 npx jest tests/state-safety/pinned-addresses',
    );
  });

  it('report a new resource and a whole new stack as appeared, with no move to suggest', () => {
    const mismatches = comparePinnedAddresses(
      { a: ['aws_s3_bucket.state_bucket'] },
      { a: ['aws_s3_bucket.state_bucket', 'aws_sns_topic.alarm_topic'], b: ['aws_kms_key.key'] },
    );
    expect(mismatches).toEqual([
      { stack: 'a', disappeared: [], appeared: ['aws_sns_topic.alarm_topic'] },
      { stack: 'b', disappeared: [], appeared: ['aws_kms_key.key'] },
    ]);
    expect(describePinMismatches(mismatches, 'pins.json')).not.toContain('looks like a rename');
  });

  it('are required at synth: a nested stateful resource with a path-derived address is an error', () => {
    const { stack } = synthesized((scope) => {
      new SnsTopic(new Construct(scope, 'Notifications'), 'topic', { name: 'unstable' });
      // Directly in the stack, the construct id is the address: stable enough.
      new SnsTopic(scope, 'top_level_topic', { name: 'top-level' });
    });
    const errors = errorAnnotations(stack);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^\[STATEFUL_ADDRESS_UNSTABLE\] aws_sns_topic\.Notifications_topic_[0-9A-F]{8} /,
    );
    expect(errors[0]).toContain('overrideLogicalId(stableLogicalId(...))');
  });
});

describe('prevent_destroy', () => {
  it('is set on every stateful resource, and only those, when asked', () => {
    const { json } = synthesized((scope) => {
      statefulFixture(scope);
      // A stateful resource nobody wrote a lifecycle for gets it too.
      new SnsTopic(scope, 'added_later', { name: 'added-later' });
    }, true);
    const stateful = statefulResources(json);
    expect(stateful.map(([address]) => address)).toContain('aws_sns_topic.added_later');
    for (const [address, body] of stateful) expect([address, preventsDestroy(body)]).toEqual([address, true]);
    const role = Object.values(
      (json.resource as Record<string, Record<string, Record<string, unknown>>>).aws_iam_role!,
    );
    expect(role.some(preventsDestroy)).toBe(false);
  });

  it('is not set without production configuration', () => {
    const { json } = synthesized(statefulFixture, false);
    expect(statefulResources(json).filter(([, body]) => preventsDestroy(body))).toEqual([]);
  });
});

describe('the app', () => {
  const { stacks, errors } = synthesizeAppStacks();
  const dev = stacks['order-agent-dev']!;
  const prod = stacks['order-agent-prod']!;
  const table = (json: SynthesizedStack) => json.resource!.aws_dynamodb_table!.orders_table!;

  it('protects every stateful resource in prod (deletionProtection), and the orders table also in DynamoDB', () => {
    const stateful = statefulResources(prod);
    expect(stateful.length).toBeGreaterThanOrEqual(7);
    for (const [address, body] of stateful) expect([address, preventsDestroy(body)]).toEqual([address, true]);
    expect(table(prod).deletion_protection_enabled).toBe(true);
  });

  it('leaves dev destroyable (deletionProtection false)', () => {
    expect(statefulResources(dev).filter(([, body]) => preventsDestroy(body))).toEqual([]);
    expect(table(dev).deletion_protection_enabled).toBe(false);
  });

  it('gives every stateful resource of every stack an explicit, stable address (no synth error)', () => {
    const unstable = Object.values(errors)
      .flat()
      .filter((error) => error.startsWith('[STATEFUL_ADDRESS_UNSTABLE]'));
    expect(unstable).toEqual([]);
  });

  it('always protects the state bucket', () => {
    const [[, bucket]] = statefulResources(stacks['order-agent-state']!) as [
      [string, Record<string, unknown>],
    ];
    expect(preventsDestroy(bucket)).toBe(true);
  });
});
