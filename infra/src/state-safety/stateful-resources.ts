import { TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

/**
 * The Terraform resource types whose replacement loses something a re-create cannot bring back: data, history,
 * identifiers other systems hold, or what an encryption key protects. The one definition of "stateful": the
 * address pins, prevent_destroy in production, the synth rule on logical ids and the plan guard all read it.
 */
export const STATEFUL_RESOURCE_TYPES = [
  // The orders.
  'aws_dynamodb_table',
  // The Terraform state; the knowledge base documents.
  'aws_s3_bucket',
  // The knowledge base's vector index, its configuration and its ingestion (sync) history.
  'aws_opensearchserverless_collection',
  'aws_bedrockagent_knowledge_base',
  'aws_bedrockagent_data_source',
  // The agent's versions, and the alias id every client invokes.
  'aws_bedrockagent_agent',
  'aws_bedrockagent_agent_alias',
  // Published guardrail versions that older agent versions still reference go with the guardrail.
  'aws_bedrock_guardrail',
  // The logs.
  'aws_cloudwatch_log_group',
  // Confirmed e-mail subscriptions (each address has to confirm again on a new topic).
  'aws_sns_topic',
  // What a key encrypted becomes unreadable when it is deleted.
  'aws_kms_key',
] as const;

export type StatefulResourceType = (typeof STATEFUL_RESOURCE_TYPES)[number];

const STATEFUL = new Set<string>(STATEFUL_RESOURCE_TYPES);

export function isStatefulResourceType(type: string): type is StatefulResourceType {
  return STATEFUL.has(type);
}

/** A resource construct of one of the stateful types. */
export function isStatefulResource(node: IConstruct): node is TerraformResource {
  return TerraformResource.isTerraformResource(node) && isStatefulResourceType(node.terraformResourceType);
}

/** The resource's Terraform address in its stack (`aws_dynamodb_table.orders_table`). */
export function resourceAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * Whether the resource's address is its own choice rather than derived from its path in the construct tree:
 * an overridden logical id (overrideLogicalId(stableLogicalId(...))), or a resource directly in the stack,
 * whose default logical id is its construct id.
 */
export function hasExplicitLogicalId(resource: TerraformResource): boolean {
  const stack = TerraformStack.of(resource);
  return resource.node.scope === stack || resource.friendlyUniqueId !== stack.getLogicalId(resource);
}
