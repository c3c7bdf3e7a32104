import { Annotations, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { hasExplicitLogicalId, isStatefulResource, resourceAddress } from './stateful-resources';

export interface StateSafetyAspectProps {
  /**
   * Give every stateful resource `lifecycle.prevent_destroy` (production: the environment's
   * `deletionProtection`). Terraform then refuses any plan that destroys or replaces one of them.
   */
  readonly preventDestroy: boolean;
}

/**
 * Runs over every resource of a stack at synth:
 * - a stateful resource (STATEFUL_RESOURCE_TYPES) without an explicit logical id fails the synth: its
 *   address would follow its place in the construct tree, so a refactor would plan its replacement;
 * - with `preventDestroy`, stateful resources get `lifecycle.prevent_destroy`, new ones included.
 */
export class StateSafetyAspect implements IAspect {
  private readonly preventDestroy: boolean;

  public constructor(props: StateSafetyAspectProps) {
    this.preventDestroy = props.preventDestroy;
  }

  public visit(node: IConstruct): void {
    if (!isStatefulResource(node)) return;
    if (!hasExplicitLogicalId(node)) {
      Annotations.of(node).addError(
        `[STATEFUL_ADDRESS_UNSTABLE] ${resourceAddress(node)} (${node.node.path}) is a stateful resource ` +
          'whose address follows its place in the construct tree: give it a stable one with ' +
          'overrideLogicalId(stableLogicalId(...)) (infra/docs/state-safety.md#stable-addresses)',
      );
    }
    if (this.preventDestroy) node.lifecycle = { ...node.lifecycle, preventDestroy: true };
  }
}
