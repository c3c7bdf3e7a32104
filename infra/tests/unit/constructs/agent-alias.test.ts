import { BedrockagentAgentAlias } from '@cdktf/provider-aws/lib/bedrockagent-agent-alias';
import type { OrderAgentProps } from '../../../src/constructs/agent';
import { AgentAlias, type AgentAliasProps } from '../../../src/constructs/agent-alias';
import { ConstructPropsError } from '../../../src/errors';
import { newStack, onlyResource, ref, synth } from '../../helpers';
import { agentFixture, inNewStack } from '../../support/construct-fixtures';

function aliasJson(overrides: Partial<AgentAliasProps> = {}, agentOverrides: Partial<OrderAgentProps> = {}) {
  const { json } = inNewStack((stack) => {
    const { agent } = agentFixture(stack, agentOverrides);
    return { alias: new AgentAlias(stack, 'Alias', { agent, ...overrides }) };
  });
  return onlyResource(json, 'aws_bedrockagent_agent_alias');
}

describe('AgentAlias', () => {
  it('is called production by default', () => {
    const stack = newStack();
    const { agent } = agentFixture(stack);
    new AgentAlias(stack, 'Alias', { agent });
    expect(JSON.stringify(synth(stack))).toHaveResourceWithProperties(BedrockagentAgentAlias, {
      agent_alias_name: 'production',
      agent_id: ref('aws_bedrockagent_agent.order_agent.agent_id'),
    });
  });

  it('takes another name from its props', () => {
    expect(aliasJson({ aliasName: 'canary' }).agent_alias_name).toBe('canary');
  });

  it('moves to a new version when the guardrail is re-published: the version is in its description', () => {
    expect(aliasJson().description).toMatch(
      /guardrail version \$\{aws_bedrock_guardrail_version\.\w+\.version\}/,
    );
  });

  it.each([
    [
      'instruction',
      { instruction: `${'Help customers with their orders and nothing else. '.repeat(2)}Be brief.` },
    ],
    ['model', { modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0' }],
    ['idle session TTL', { idleSessionTtlSeconds: 900 }],
  ])('moves to a new version when the agent %s changes', (_what, change) => {
    expect(aliasJson({}, change).description).not.toEqual(aliasJson().description);
  });

  it('does not depend on prepared_at, which later prepares move on after the agent recorded it', () => {
    expect(aliasJson().description).not.toContain('prepared_at');
  });

  it('moves to a new version when a version trigger changes (an action group schema, say)', () => {
    expect(aliasJson({ versionTriggers: ['a'] }).description).not.toEqual(
      aliasJson({ versionTriggers: ['b'] }).description,
    );
  });

  it('waits for the last prepare step', () => {
    expect(aliasJson().depends_on).toEqual(['aws_bedrockagent_agent.order_agent']);
  });

  it('rejects an invalid alias name', () => {
    expect(() => aliasJson({ aliasName: 'prod alias' })).toThrow(ConstructPropsError);
  });
});
