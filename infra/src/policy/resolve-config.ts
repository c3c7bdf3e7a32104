import {
  DefaultTokenResolver,
  StringConcat,
  type TerraformResource,
  type TerraformStack,
  Tokenization,
} from 'cdktf';

/** A resource's synthesized attributes (snake_case, tokens resolved to `${type.name.attr}` references). */
export interface ResolvedResource {
  readonly resource: TerraformResource;
  readonly type: string;
  /** `<type>.<logical id>`, the Terraform address. */
  readonly address: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The same attributes before token resolution (policy expressions are looked up by their token). */
  readonly rawAttributes: Readonly<Record<string, unknown>>;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

type ResourceJson = { resource?: Record<string, Record<string, Record<string, unknown>>> };

export function resolveResource(stack: TerraformStack, resource: TerraformResource): ResolvedResource {
  const raw = resource.toTerraform() as ResourceJson;
  const json = Tokenization.resolve(raw, { scope: stack, resolver: RESOLVER }) as ResourceJson;
  const type = resource.terraformResourceType;
  const id = resource.friendlyUniqueId;
  return {
    resource,
    type,
    address: `${type}.${id}`,
    attributes: json.resource?.[type]?.[id] ?? {},
    rawAttributes: raw.resource?.[type]?.[id] ?? {},
  };
}

/** True when `value` (a resolved attribute) names the resource at `address` by reference, or equals `literal`. */
export function refersTo(value: unknown, address: string, literal: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (literal !== undefined && value === literal) return true;
  return new RegExp(`\\$\\{${address.replace(/\./g, '\\.')}\\.(id|bucket|arn)\\}`).test(value);
}
