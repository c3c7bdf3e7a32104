import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssetType, TerraformAsset } from 'cdktf';
import type { Construct } from 'constructs';
import { OrderActionGroup, type OrderActionGroupProps } from '../../src/constructs/action-group';
import { OrderAgent, type OrderAgentProps } from '../../src/constructs/agent';
import { OrderGuardrail } from '../../src/constructs/guardrail';
import {
  DocumentsBucket,
  type DocumentsBucketProps,
} from '../../src/constructs/knowledge-base/documents-bucket';
import {
  DocumentsKnowledgeBase,
  type DocumentsKnowledgeBaseProps,
} from '../../src/constructs/knowledge-base/knowledge-base';
import {
  VectorCollection,
  type VectorCollectionProps,
} from '../../src/constructs/knowledge-base/vector-collection';
import {
  VectorIndexStep,
  type VectorIndexStepProps,
} from '../../src/constructs/knowledge-base/vector-index-step';
import {
  OrderActionsFunction,
  type OrderActionsFunctionProps,
} from '../../src/constructs/order-actions-function';
import { OrdersTable } from '../../src/constructs/orders-table';
import { ORDER_API_SCHEMA_FILE } from '../../src/paths';
import type { PolicyCheckedStack } from '../../src/stacks/policy-checked-stack';
import {
  FIXTURE_BUNDLE_DIR,
  INSTRUCTION,
  KB_INDEX_FIXTURE_BUNDLE_DIR,
  newStack,
  synth,
  testTempDir,
} from '../helpers';

// The constructs wired as the environment stack wires them, with the stand-in bundles: one home for the setup the
// construct tests share. Each fixture takes the scope and overrides of the construct under test.

type Json = Record<string, unknown>;

/**
 * What `make` builds in a fresh policy-checked stack, with the stack and its synthesized JSON: `json` synthesizes
 * when first read (after any grants the test adds) and is not enumerable, so spreading the result does not.
 */
export function inNewStack<T extends object>(
  make: (stack: PolicyCheckedStack) => T,
): T & {
  readonly stack: PolicyCheckedStack;
  readonly json: Json;
} {
  const stack = newStack();
  const made = make(stack);
  let json: Json | undefined;
  return Object.defineProperties(
    { ...made, stack },
    { json: { enumerable: false, get: () => (json ??= synth(stack)) } },
  ) as T & { stack: PolicyCheckedStack; json: Json };
}

/** The orders table and the order-actions function serving it. */
export function ordersFixture(scope: Construct, overrides: Partial<OrderActionsFunctionProps> = {}) {
  const table = new OrdersTable(scope, 'OrdersTable', { tableName: 'orders' });
  const orderActions = new OrderActionsFunction(scope, 'OrderActions', {
    functionName: 'order-actions',
    bundleDir: FIXTURE_BUNDLE_DIR,
    table,
    logRetentionDays: 14,
    ...overrides,
  });
  return { table, orderActions };
}

/** The table and function, the guardrail and the agent. */
export function agentFixture(scope: Construct, overrides: Partial<OrderAgentProps> = {}) {
  const orders = ordersFixture(scope);
  const guardrail = new OrderGuardrail(scope, 'Guardrail', { guardrailName: 'guardrail' });
  const agent = new OrderAgent(scope, 'OrderAgent', {
    agentName: 'agent',
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    instruction: INSTRUCTION,
    guardrail,
    ...overrides,
  });
  return { ...orders, guardrail, agent };
}

/** The repository's order API schema, as the stack reads it. */
export const ORDER_API_SCHEMA = readFileSync(ORDER_API_SCHEMA_FILE, 'utf8');

/** The agent fixture plus the order-management action group on the repository's schema. */
export function actionGroupFixture(scope: Construct, overrides: Partial<OrderActionGroupProps> = {}) {
  const fixture = agentFixture(scope);
  const actionGroup = new OrderActionGroup(scope, 'OrderManagement', {
    agent: fixture.agent,
    executor: fixture.orderActions,
    apiSchema: ORDER_API_SCHEMA,
    ...overrides,
  });
  return { ...fixture, actionGroup };
}

/** A directory holding the given files (name -> contents), for document tests. */
export function documentsDir(files: Record<string, string>): string {
  const dir = testTempDir('kb-documents-');
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
  return dir;
}

export const TWO_DOCUMENTS = {
  'returns.md': '# Returns\nWithin 30 days.\n',
  'shipping.txt': 'Ships in 2 days.\n',
};

/** The stand-in kb-index bundle as an asset: one per scope, shared like the stack shares the real one. */
export function bundleAsset(scope: Construct): TerraformAsset {
  const existing = scope.node.tryFindChild('kb-index-bundle');
  if (existing instanceof TerraformAsset) return existing;
  return new TerraformAsset(scope, 'kb-index-bundle', {
    path: KB_INDEX_FIXTURE_BUNDLE_DIR,
    type: AssetType.ARCHIVE,
  });
}

/** A vector collection and the step that creates its index. */
export function indexStepFixture(
  scope: Construct,
  overrides: { collection?: Partial<VectorCollectionProps>; indexStep?: Partial<VectorIndexStepProps> } = {},
) {
  const collection = new VectorCollection(scope, 'Vectors', {
    collectionName: 'test-kb',
    ...overrides.collection,
  });
  const indexStep = new VectorIndexStep(scope, 'IndexStep', {
    collection,
    indexName: 'test-kb',
    dimensions: 1024,
    bundle: bundleAsset(scope),
    functionName: 'test-kb-index',
    logRetentionDays: 14,
    ...overrides.indexStep,
  });
  return { collection, indexStep };
}

/** A documents bucket with two documents. */
export function documentsFixture(scope: Construct, overrides: Partial<DocumentsBucketProps> = {}) {
  return new DocumentsBucket(scope, 'Documents', {
    bucketName: 'kb-documents',
    documentsDir: documentsDir(TWO_DOCUMENTS),
    ...overrides,
  });
}

/** A documents bucket, collection and index step wired as ProductKnowledgeBase wires them. */
export function storageFixture(
  scope: Construct,
  overrides: { documents?: Partial<DocumentsBucketProps>; indexStep?: Partial<VectorIndexStepProps> } = {},
) {
  const documents = documentsFixture(scope, overrides.documents);
  return { documents, ...indexStepFixture(scope, { indexStep: overrides.indexStep }) };
}

/** The storage fixture plus the knowledge base on it. */
export function knowledgeBaseFixture(scope: Construct, overrides: Partial<DocumentsKnowledgeBaseProps> = {}) {
  const storage = storageFixture(scope);
  const knowledgeBase = new DocumentsKnowledgeBase(scope, 'KnowledgeBase', {
    knowledgeBaseName: 'test-kb',
    ...storage,
    embeddingModelId: 'amazon.titan-embed-text-v2:0',
    embeddingDimensions: 1024,
    ...overrides,
  });
  return { ...storage, knowledgeBase };
}
