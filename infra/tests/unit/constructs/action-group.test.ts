import { BedrockagentAgentActionGroup } from '@cdktf/provider-aws/lib/bedrockagent-agent-action-group';
import { OrderActionGroup, type OrderActionGroupProps } from '../../../src/constructs/action-group';
import { ConstructPropsError } from '../../../src/errors';
import { ACCOUNT, first, onlyResource, ref, resources, synth } from '../../helpers';
import { actionGroupFixture, inNewStack, ORDER_API_SCHEMA } from '../../support/construct-fixtures';

const schemaText = ORDER_API_SCHEMA;

function build(overrides: Partial<OrderActionGroupProps> = {}) {
  const { actionGroup: group, ...rest } = inNewStack((stack) => actionGroupFixture(stack, overrides));
  return { ...rest, group };
}

describe('OrderActionGroup', () => {
  it('inlines the schema file as the payload: the same document, minified', () => {
    const { stack } = build();
    const payload = String(
      first(onlyResource(synth(stack), 'aws_bedrockagent_agent_action_group').api_schema).payload,
    );
    expect(JSON.parse(payload)).toEqual(JSON.parse(schemaText));
    expect(payload).toBe(JSON.stringify(JSON.parse(schemaText)));
  });

  it('defaults to an enabled order-management group on the DRAFT agent, executed by the Lambda', () => {
    const { stack } = build();
    expect(JSON.stringify(synth(stack))).toHaveResourceWithProperties(BedrockagentAgentActionGroup, {
      action_group_name: 'order-management',
      description: 'Look up orders, start returns and change shipping addresses',
      agent_version: 'DRAFT',
      action_group_state: 'ENABLED',
      action_group_executor: [{ lambda: ref('aws_lambda_function.OrderActions_function_52B5AD2A.arn') }],
      prepare_agent: true,
      skip_resource_in_use_check: true,
    });
  });

  it('takes its name and description from its props', () => {
    const { stack } = build({ actionGroupName: 'orders_v2', description: 'Orders' });
    expect(onlyResource(synth(stack), 'aws_bedrockagent_agent_action_group')).toMatchObject({
      action_group_name: 'orders_v2',
      description: 'Orders',
    });
  });

  it('lets only this agent of this account invoke the Lambda, before the group is prepared', () => {
    const { stack } = build();
    const json = synth(stack);
    const [permissionId, permission] = Object.entries(resources(json, 'aws_lambda_permission'))[0]!;
    expect(permission).toMatchObject({
      principal: 'bedrock.amazonaws.com',
      source_arn: ref('aws_bedrockagent_agent.order_agent.agent_arn'),
      source_account: ACCOUNT,
    });
    expect(onlyResource(json, 'aws_bedrockagent_agent_action_group').depends_on).toEqual([
      'aws_bedrockagent_agent.order_agent',
      `aws_lambda_permission.${permissionId}`,
    ]);
  });

  it('chains prepares: a second group waits for the first, and becomes the last prepare step', () => {
    const { stack, agent, orderActions, group } = build();
    const second = new OrderActionGroup(stack, 'Second', {
      agent,
      executor: orderActions,
      apiSchema: schemaText,
      actionGroupName: 'second',
    });
    const groups = resources(synth(stack), 'aws_bedrockagent_agent_action_group');
    const secondJson = Object.values(groups).find((entry) => entry.action_group_name === 'second')!;
    expect(secondJson.depends_on).toContain(
      `aws_bedrockagent_agent_action_group.${group.actionGroup.friendlyUniqueId}`,
    );
    expect(agent.lastPrepareStep).toBe(second.actionGroup);
  });

  it('changes its fingerprint when the schema changes', () => {
    const changed = JSON.parse(schemaText);
    changed.info.version = '9.9.9';
    expect(build({ apiSchema: JSON.stringify(changed) }).group.fingerprint).not.toBe(
      build().group.fingerprint,
    );
  });

  it.each([
    ['schema that is not JSON', { apiSchema: 'openapi: 3.0.0' }, /not valid JSON/],
    ['schema that is not OpenAPI 3', { apiSchema: '{"swagger":"2.0"}' }, /must be an OpenAPI 3 document/],
    ['action group name', { actionGroupName: 'order management' }, /action group name/],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => build(overrides)).toThrow(ConstructPropsError);
    expect(() => build(overrides)).toThrow(message);
  });
});
