import { createHash } from 'node:crypto';
import { BedrockagentAgentAlias } from '@cdktf/provider-aws/lib/bedrockagent-agent-alias';
import { Construct } from 'constructs';
import { BEDROCK_NAME_PATTERN } from '../config/rules';
import type { OrderAgent } from './agent';
import { stableLogicalId } from './logical-id';
import { checkName } from './prop-checks';

export interface AgentAliasProps {
  /** The agent; the alias waits for its latest prepare step, so create the alias after the action groups. */
  readonly agent: OrderAgent;
  /**
   * Alias name (letters, digits, `-_`, at most 100 characters).
   * @default 'production'
   */
  readonly aliasName?: string;
  /**
   * Values that change whenever the prepared agent changes without the agent resource itself changing (the
   * action groups' fingerprints); they are hashed into the description.
   * @default []
   */
  readonly versionTriggers?: readonly string[];
}

/**
 * An alias that always serves the newest prepared agent version. Bedrock cuts a version only when an alias is
 * created or updated, so the description embeds what makes the agent prepare again: the agent's fingerprint
 * (its settings and guardrail version) and a hash of the version triggers (action groups, knowledge base
 * association). Every such change updates the alias after the last prepare, and a new version is cut and routed
 * to; with nothing changed, the plan after an apply is empty. (The agent's `prepared_at`, the remedy of
 * terraform-provider-aws PR #42586, would not be: the later prepares move it on after the agent recorded it.)
 */
export class AgentAlias extends Construct {
  public readonly alias: BedrockagentAgentAlias;
  public readonly aliasId: string;
  public readonly aliasArn: string;

  public constructor(scope: Construct, id: string, props: AgentAliasProps) {
    super(scope, id);
    const aliasName = props.aliasName ?? 'production';
    checkName(this.node.path, 'alias name', aliasName, BEDROCK_NAME_PATTERN);
    const triggers = createHash('sha256')
      .update(JSON.stringify(props.versionTriggers ?? []))
      .digest('hex')
      .slice(0, 16);

    this.alias = new BedrockagentAgentAlias(this, 'alias', {
      agentId: props.agent.agentId,
      agentAliasName: aliasName,
      description: `Newest prepared version: agent ${props.agent.fingerprint}, action groups ${triggers}`,
      dependsOn: [props.agent.lastPrepareStep],
    });
    // A stable address: the alias id is what every client invokes (its earlier address: DECLARED_MOVES).
    this.alias.overrideLogicalId(stableLogicalId(id, 'alias'));
    this.aliasId = this.alias.agentAliasId;
    this.aliasArn = this.alias.agentAliasArn;
  }
}
