import { ConfigError } from '../errors';
import type { CliIo } from '../types';
import { locateDeployOutputs, readDeployOutputs, type StackOutputs, selectStack } from './deploy-outputs';

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

/**
 * Ids come from flags, else ORDER_AGENT_AGENT_ID / ORDER_AGENT_ALIAS_ID, else the deploy outputs file.
 * The region comes from --region, else the deploy outputs (that is where the agent lives) when they supplied an
 * id, else the SDK's standard chain.
 */
export function resolveAgentTarget(flags: AgentTargetFlags, io: CliIo): AgentTarget {
  let agentId = flags.agentId ?? nonEmpty(io.env.ORDER_AGENT_AGENT_ID);
  let agentAliasId = flags.aliasId ?? nonEmpty(io.env.ORDER_AGENT_ALIAS_ID);
  let region = flags.region;
  const environment = flags.env ?? nonEmpty(io.env.ORDER_AGENT_ENV);
  let outputsFile: string | undefined;

  if (!agentId || !agentAliasId) {
    outputsFile = locateDeployOutputs(io.cwd, io.env);
    if (outputsFile) {
      const stack: StackOutputs = selectStack(readDeployOutputs(outputsFile), environment, outputsFile);
      if (!agentId && stack.agentId) agentId = stack.agentId;
      if (!agentAliasId && stack.agentAliasId) agentAliasId = stack.agentAliasId;
      region ??= stack.region;
    }
  }

  const missing = [
    agentId ? undefined : 'agent id (--agent-id or ORDER_AGENT_AGENT_ID)',
    agentAliasId ? undefined : 'alias id (--alias-id or ORDER_AGENT_ALIAS_ID)',
  ].filter((what) => what !== undefined);
  if (missing.length > 0 || !agentId || !agentAliasId) {
    const where = outputsFile
      ? `, and ${outputsFile} does not provide it`
      : ', or deploy so deploy-outputs.json exists (or set ORDER_AGENT_OUTPUTS_FILE)';
    throw new ConfigError(
      `missing ${missing.join(' and ')}: set ${missing.length > 1 ? 'them' : 'it'}${where}`,
    );
  }
  return { agentId, agentAliasId, ...(region ? { region } : {}) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
