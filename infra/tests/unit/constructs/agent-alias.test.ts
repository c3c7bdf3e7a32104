import { BedrockagentAgentAlias } from '@cdktf/provider-aws/lib/bedrockagent-agent-alias';
import { AgentAlias, type AgentAliasProps } from '../../../src/constructs/agent-alias';
import { ConstructPropsError } from '../../../src/errors';
import { agentFixture, newStack, onlyResource, ref, synth } from '../../helpers';

function aliasJson(overrides: Partial<AgentAliasProps> = {}) {
  const stack = newStack();
  const { agent } = agentFixture(stack);
  new AgentAlias(stack, 'Alias', { agent, ...overrides });
  return onlyResource(synth(stack), 'aws_bedrockagent_agent_alias');
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

  it('moves to a new version whenever the agent is prepared: prepared_at is in its description', () => {
    expect(aliasJson().description).toContain(ref('aws_bedrockagent_agent.order_agent.prepared_at'));
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
