import type { DeclaredMove } from './declared-moves-aspect';

/**
 * Every address change of a resource that may already exist in some state, reviewed like a migration: the
 * synth turns each entry into a Terraform `moved` block in every stack that has a resource at `to`, so the
 * next plan moves the existing resource instead of destroying it and creating an empty one. A `from` that no
 * state holds is ignored by Terraform, so an entry is harmless where the resource never existed. Keep entries
 * until every environment has applied them (an old state restored from the bucket's versions needs them too).
 */
export const DECLARED_MOVES: readonly DeclaredMove[] = [
  {
    from: 'aws_bedrockagent_agent_alias.ProductionAlias_alias_8E384579',
    to: 'aws_bedrockagent_agent_alias.production_alias',
    reason: 'issue 7: the agent alias got a stable logical id (it had the default, path-derived one)',
  },
];
