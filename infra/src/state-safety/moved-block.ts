import { TerraformElement } from 'cdktf';
import type { Construct } from 'constructs';

export interface MovedBlockProps {
  /** The address the resource had. */
  readonly from: string;
  /** The address it moved to. */
  readonly to: string;
}

/**
 * A top-level Terraform `moved` block. cdktf 0.21's own move support (`moveFromId` on the resource) allows one
 * move per resource, so it cannot write a chain (a -> b, then b -> c) whose middle step names no resource;
 * a stack-level override would do that but is dropped from HCL output. This element is written in both.
 */
export class MovedBlock extends TerraformElement {
  public readonly from: string;
  public readonly to: string;

  public constructor(scope: Construct, id: string, props: MovedBlockProps) {
    super(scope, id);
    this.from = props.from;
    this.to = props.to;
  }

  public override toTerraform(): Record<string, unknown> {
    return { moved: [{ from: this.from, to: this.to }] };
  }

  public override toHclTerraform(): Record<string, unknown> {
    // The shape cdktf's HCL renderer reads for a resource's moved block: both ends are references.
    const reference = (value: string) => ({
      value,
      isBlock: false,
      type: 'simple',
      storageClassType: 'reference',
    });
    return { moved: [{ from: reference(this.from), to: reference(this.to) }] };
  }
}
