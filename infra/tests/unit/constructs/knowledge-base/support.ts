import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssetType, TerraformAsset } from 'cdktf';
import type { Construct } from 'constructs';
import {
  DocumentsBucket,
  type DocumentsBucketProps,
} from '../../../../src/constructs/knowledge-base/documents-bucket';
import {
  DocumentsKnowledgeBase,
  type DocumentsKnowledgeBaseProps,
} from '../../../../src/constructs/knowledge-base/knowledge-base';
import { VectorCollection } from '../../../../src/constructs/knowledge-base/vector-collection';
import {
  VectorIndexStep,
  type VectorIndexStepProps,
} from '../../../../src/constructs/knowledge-base/vector-index-step';
import { KB_INDEX_FIXTURE_BUNDLE_DIR, testTempDir } from '../../../helpers';

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

/** A documents bucket, collection and index step wired as ProductKnowledgeBase wires them. */
export function storageFixture(
  scope: Construct,
  overrides: { documents?: Partial<DocumentsBucketProps>; indexStep?: Partial<VectorIndexStepProps> } = {},
) {
  const documents = new DocumentsBucket(scope, 'Documents', {
    bucketName: 'kb-documents',
    documentsDir: documentsDir(TWO_DOCUMENTS),
    ...overrides.documents,
  });
  const collection = new VectorCollection(scope, 'Vectors', { collectionName: 'test-kb' });
  const indexStep = new VectorIndexStep(scope, 'IndexStep', {
    collection,
    indexName: 'test-kb',
    dimensions: 1024,
    bundle: bundleAsset(scope),
    functionName: 'test-kb-index',
    logRetentionDays: 14,
    ...overrides.indexStep,
  });
  return { documents, collection, indexStep };
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
