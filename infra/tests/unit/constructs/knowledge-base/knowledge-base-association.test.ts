import { BedrockagentAgentKnowledgeBaseAssociation } from '@cdktf/provider-aws/lib/bedrockagent-agent-knowledge-base-association';
import { AgentAlias } from '../../../../src/constructs/agent-alias';
import {
  KnowledgeBaseAssociation,
  type KnowledgeBaseAssociationProps,
  ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION,
} from '../../../../src/constructs/knowledge-base/knowledge-base-association';
import { ConstructPropsError } from '../../../../src/errors';
import { onlyResource, ref } from '../../../helpers';
import { actionGroupFixture, inNewStack, knowledgeBaseFixture } from '../../../support/construct-fixtures';

function build(overrides: Partial<KnowledgeBaseAssociationProps> = {}) {
  const built = inNewStack((stack) => {
    const { agent, actionGroup } = actionGroupFixture(stack);
    const { knowledgeBase } = knowledgeBaseFixture(stack);
    const association = new KnowledgeBaseAssociation(stack, 'Association', {
      agent,
      knowledgeBase,
      ...overrides,
    });
    new AgentAlias(stack, 'ProductionAlias', {
      agent,
      versionTriggers: [actionGroup.fingerprint, association.fingerprint],
    });
    return { agent, association };
  });
  return { ...built, json: built.json };
}

describe('KnowledgeBaseAssociation', () => {
  it("associates the knowledge base with the agent's DRAFT, enabled, telling the model when to search it", () => {
    expect(JSON.stringify(build().json)).toHaveResourceWithProperties(
      BedrockagentAgentKnowledgeBaseAssociation,
      {
        agent_id: ref('aws_bedrockagent_agent.order_agent.agent_id'),
        agent_version: 'DRAFT',
        knowledge_base_id: ref('aws_bedrockagent_knowledge_base.knowledge_base.id'),
        knowledge_base_state: 'ENABLED',
        description: ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION,
      },
    );
    expect(ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION.length).toBeLessThanOrEqual(200);
    expect(ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION).toMatch(/return and refund policy/);
    expect(ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION).toMatch(/never for a customer's order status/);
  });

  it("waits for the action group's prepare, so the provider's prepare after associating never overlaps it", () => {
    const association = onlyResource(build().json, 'aws_bedrockagent_agent_knowledge_base_association');
    expect(association.depends_on).toEqual([
      expect.stringMatching(/^aws_bedrockagent_agent_action_group\.OrderManagement_/),
    ]);
  });

  it('becomes the last prepare step: the alias created after it waits for it', () => {
    const { json, agent, association } = build();
    expect(agent.lastPrepareStep).toBe(association.association);
    expect(onlyResource(json, 'aws_bedrockagent_agent_alias').depends_on).toEqual([
      expect.stringMatching(/^aws_bedrockagent_agent_knowledge_base_association\.Association_association_/),
    ]);
  });

  it('moves the alias to a new version when what it associates changes', () => {
    const description = (json: Record<string, unknown>) =>
      onlyResource(json, 'aws_bedrockagent_agent_alias').description;
    expect(description(build().json)).toEqual(description(build().json));
    expect(description(build({ description: 'Search it for product details.' }).json)).not.toEqual(
      description(build().json),
    );
    expect(build({ state: 'DISABLED' }).association.fingerprint).not.toEqual(build().association.fingerprint);
  });

  it('rejects a description Bedrock would refuse', () => {
    expect(() => build({ description: 'x'.repeat(201) })).toThrow(ConstructPropsError);
    expect(() => build({ description: '  ' })).toThrow(/needs 1-200 characters \(it has 0\)/);
  });
});
