import type { GuardrailTarget } from '../guardrail/guardrail-checker';
import type { CliIo } from '../types';
import { resolveDeployTarget, type TargetId } from './deploy-target';

export interface GuardrailTargetFlags {
  readonly guardrailId?: string;
  readonly guardrailVersion?: string;
  readonly env?: string;
  readonly region?: string;
}

const GUARDRAIL_IDS: readonly TargetId<'guardrailId' | 'guardrailVersion'>[] = [
  { output: 'guardrailId', label: 'guardrail id', flag: 'guardrail-id', env: 'ORDER_AGENT_GUARDRAIL_ID' },
  {
    output: 'guardrailVersion',
    label: 'guardrail version',
    flag: 'guardrail-version',
    env: 'ORDER_AGENT_GUARDRAIL_VERSION',
  },
];

/**
 * The guardrail id and version (`guardrail_id`, `guardrail_version` in the deploy outputs: the version the agent
 * applies), in the lookup order of {@link resolveDeployTarget}.
 */
export function resolveGuardrailTarget(
  flags: GuardrailTargetFlags,
  io: CliIo,
): GuardrailTarget & { readonly region?: string } {
  return resolveDeployTarget(
    GUARDRAIL_IDS,
    {
      ids: { guardrailId: flags.guardrailId, guardrailVersion: flags.guardrailVersion },
      ...(flags.env !== undefined ? { env: flags.env } : {}),
      ...(flags.region !== undefined ? { region: flags.region } : {}),
    },
    io,
  );
}
