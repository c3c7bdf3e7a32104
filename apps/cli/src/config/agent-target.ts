import type { CliIo } from '../types';
import { resolveDeployTarget, type TargetId } from './deploy-target';

/** Which agent alias to talk to, and where. */
export interface AgentTarget {
  readonly agentId: string;
  readonly agentAliasId: string;
  /** Set by --region or by the deploy outputs; otherwise the SDK's own chain (AWS_REGION, profile) decides. */
  readonly region?: string;
}

export interface AgentTargetFlags {
  readonly agentId?: string;
  readonly aliasId?: string;
  readonly env?: string;
  readonly region?: string;
}

const AGENT_IDS: readonly TargetId<'agentId' | 'agentAliasId'>[] = [
  { output: 'agentId', label: 'agent id', flag: 'agent-id', env: 'ORDER_AGENT_AGENT_ID' },
  { output: 'agentAliasId', label: 'alias id', flag: 'alias-id', env: 'ORDER_AGENT_ALIAS_ID' },
];

/** The agent alias, in the lookup order of {@link resolveDeployTarget}. */
export function resolveAgentTarget(flags: AgentTargetFlags, io: CliIo): AgentTarget {
  return resolveDeployTarget(
    AGENT_IDS,
    {
      ids: { agentId: flags.agentId, agentAliasId: flags.aliasId },
      ...(flags.env !== undefined ? { env: flags.env } : {}),
      ...(flags.region !== undefined ? { region: flags.region } : {}),
    },
    io,
  );
}
