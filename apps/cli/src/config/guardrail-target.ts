import { ConfigError } from '../errors';
import type { GuardrailTarget } from '../guardrail/guardrail-checker';
import type { CliIo } from '../types';
import { locateDeployOutputs, readDeployOutputs, selectStack } from './deploy-outputs';

export interface GuardrailTargetFlags {
  readonly guardrailId?: string;
  readonly guardrailVersion?: string;
  readonly env?: string;
  readonly region?: string;
}

/**
 * The guardrail id and version come from flags, else ORDER_AGENT_GUARDRAIL_ID / ORDER_AGENT_GUARDRAIL_VERSION,
 * else the deploy outputs file (`guardrail_id`, `guardrail_version`: the version the agent applies). The region
 * comes from --region, else the deploy outputs when they supplied an id, else the SDK's standard chain.
 */
export function resolveGuardrailTarget(
  flags: GuardrailTargetFlags,
  io: CliIo,
): GuardrailTarget & { readonly region?: string } {
  let guardrailId = flags.guardrailId ?? nonEmpty(io.env.ORDER_AGENT_GUARDRAIL_ID);
  let guardrailVersion = flags.guardrailVersion ?? nonEmpty(io.env.ORDER_AGENT_GUARDRAIL_VERSION);
  let region = flags.region;
  let outputsFile: string | undefined;
  if (!guardrailId || !guardrailVersion) {
    outputsFile = locateDeployOutputs(io.cwd, io.env);
    if (outputsFile) {
      const environment = flags.env ?? nonEmpty(io.env.ORDER_AGENT_ENV);
      const stack = selectStack(readDeployOutputs(outputsFile), environment, outputsFile);
      guardrailId ??= stack.guardrailId;
      guardrailVersion ??= stack.guardrailVersion;
      if (stack.guardrailId || stack.guardrailVersion) region ??= stack.region;
    }
  }
  const missing = [
    guardrailId ? undefined : 'guardrail id (--guardrail-id or ORDER_AGENT_GUARDRAIL_ID)',
    guardrailVersion ? undefined : 'guardrail version (--guardrail-version or ORDER_AGENT_GUARDRAIL_VERSION)',
  ].filter((what) => what !== undefined);
  if (!guardrailId || !guardrailVersion) {
    const where = outputsFile
      ? `, and ${outputsFile} does not provide ${missing.length > 1 ? 'them' : 'it'}`
      : ', or deploy so deploy-outputs.json exists (or set ORDER_AGENT_OUTPUTS_FILE)';
    throw new ConfigError(
      `missing ${missing.join(' and ')}: set ${missing.length > 1 ? 'them' : 'it'}${where}`,
    );
  }
  return { guardrailId, guardrailVersion, ...(region ? { region } : {}) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
