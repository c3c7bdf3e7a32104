import { Aspects, type TerraformStack } from 'cdktf';
import { DECLARED_MOVES } from './declared-moves';
import { type DeclaredMove, DeclaredMovesAspect } from './declared-moves-aspect';
import { StateSafetyAspect } from './state-safety-aspect';

export interface StateSafetyOptions {
  /** `lifecycle.prevent_destroy` on every stateful resource (production configuration). */
  readonly preventDestroy: boolean;
  /**
   * The address changes to write as `moved` blocks.
   * @default DECLARED_MOVES
   */
  readonly moves?: readonly DeclaredMove[];
}

/** Adds the state-safety aspects to a stack: stable addresses checked, moves declared, production protected. */
export function applyStateSafety(stack: TerraformStack, options: StateSafetyOptions): void {
  Aspects.of(stack).add(new StateSafetyAspect({ preventDestroy: options.preventDestroy }));
  Aspects.of(stack).add(new DeclaredMovesAspect(options.moves ?? DECLARED_MOVES));
}
