import { createHash } from 'node:crypto';
import { BedrockagentAgentKnowledgeBaseAssociation } from '@cdktf/provider-aws/lib/bedrockagent-agent-knowledge-base-association';
import { Construct } from 'constructs';
import { ConstructPropsError } from '../../errors';
import type { OrderAgent } from '../agent';
import type { DocumentsKnowledgeBase } from './knowledge-base';

export interface KnowledgeBaseAssociationProps {
  /** The agent (its DRAFT version) that searches the knowledge base. */
  readonly agent: OrderAgent;
  readonly knowledgeBase: DocumentsKnowledgeBase;
  /**
   * When the model should search the knowledge base (1-200 characters): the model reads it on every turn.
   * @default ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION
   */
  readonly description?: string;
  /**
   * @default 'ENABLED'
   */
  readonly state?: 'ENABLED' | 'DISABLED';
}

/** Tells the model what the documents answer, and that order data comes from the actions instead. */
export const ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION =
  'Store documents: return and refund policy, shipping and delivery times and costs, product details. ' +
  "Search it for policy or product questions; never for a customer's order status or order data.";

/**
 * Associates the knowledge base with the agent's DRAFT. The provider prepares the agent after associating (and
 * after each update), so the association is one of the agent's prepare steps: it waits for the previous one and
 * becomes the last, and an alias created after it sees the knowledge base. `fingerprint` changes whenever what
 * it associates changes: pass it to the alias's version triggers.
 */
export class KnowledgeBaseAssociation extends Construct {
  public readonly association: BedrockagentAgentKnowledgeBaseAssociation;
  public readonly fingerprint: string;

  public constructor(scope: Construct, id: string, props: KnowledgeBaseAssociationProps) {
    super(scope, id);
    const description = (props.description ?? ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION).trim();
    const state = props.state ?? 'ENABLED';
    if (description.length < 1 || description.length > 200) {
      throw new ConstructPropsError(
        `${this.node.path}: the association description needs 1-200 characters (it has ${description.length})`,
      );
    }

    const previousPrepare = props.agent.lastPrepareStep;
    this.association = new BedrockagentAgentKnowledgeBaseAssociation(this, 'association', {
      agentId: props.agent.agentId,
      agentVersion: 'DRAFT',
      knowledgeBaseId: props.knowledgeBase.knowledgeBaseId,
      knowledgeBaseState: state,
      description,
      // Prepares must not overlap (terraform-provider-aws #42845): wait for the previous one.
      dependsOn: [previousPrepare],
    });
    props.agent.addPrepareStep(this.association);
    // The knowledge base id is unknown at synth; what replaces the knowledge base is in its own fingerprint.
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([description, state, props.knowledgeBase.fingerprint]))
      .digest('hex')
      .slice(0, 16);
  }
}
