import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import type { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { DocumentsBucketProps } from '../../../../src/constructs/knowledge-base/documents-bucket';
import { ConstructPropsError, MissingInputError } from '../../../../src/errors';
import type { PolicyStatement } from '../../../../src/iam';
import { KB_DOCUMENTS_DIR } from '../../../../src/paths';
import { errorAnnotations, onlyResource, ref, resolved, resources, statements } from '../../../helpers';
import {
  documentsDir,
  documentsFixture,
  inNewStack,
  TWO_DOCUMENTS,
} from '../../../support/construct-fixtures';

function build(overrides: Partial<DocumentsBucketProps> = {}) {
  const built = inNewStack((stack) => ({ bucket: documentsFixture(stack, overrides) }));
  return { ...built, json: built.json };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const BUCKET = 'aws_s3_bucket.documents_bucket';

describe('DocumentsBucket', () => {
  it('has a stable address and may be emptied on destroy (it holds copies of repository files)', () => {
    const { json } = build();
    expect(resources(json, 'aws_s3_bucket')).toEqual({
      documents_bucket: expect.objectContaining({ bucket: 'kb-documents', force_destroy: true }),
    });
  });

  it('is versioned, encrypted, private and owner-enforced, expiring old versions after 90 days by default', () => {
    const text = JSON.stringify(build().json);
    expect(text).toHaveResourceWithProperties(S3BucketVersioningA, {
      versioning_configuration: { status: 'Enabled' },
    });
    expect(text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    });
    expect(text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(text).toHaveResourceWithProperties(S3BucketOwnershipControls, {
      rule: { object_ownership: 'BucketOwnerEnforced' },
    });
    expect(text).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [expect.objectContaining({ noncurrent_version_expiration: [{ noncurrent_days: 90 }] })],
    });
  });

  it('takes the noncurrent version expiry from its props', () => {
    const lifecycle = onlyResource(
      build({ noncurrentVersionExpirationDays: 7 }).json,
      'aws_s3_bucket_lifecycle_configuration',
    );
    expect(lifecycle.rule).toEqual([
      expect.objectContaining({ noncurrent_version_expiration: [{ noncurrent_days: 7 }] }),
    ]);
  });

  it('denies every request over plain HTTP', () => {
    const policy = build().bucket.node.findChild('tls-only-policy') as S3BucketPolicy;
    const [deny] = statements(policy.policyInput);
    expect(deny).toMatchObject({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  it('passes the policy rules', () => {
    const { stack } = build();
    expect(errorAnnotations(stack)).toEqual([]);
  });

  it("uploads each file under documents/, with the file's MD5 as source hash and its content type", () => {
    const { json, bucket } = build();
    const objects = Object.values(resources(json, 'aws_s3_object'));
    expect(objects.map((object) => [object.key, object.source_hash, object.content_type])).toEqual([
      ['documents/returns.md', md5(TWO_DOCUMENTS['returns.md']), 'text/markdown; charset=utf-8'],
      ['documents/shipping.txt', md5(TWO_DOCUMENTS['shipping.txt']), 'text/plain; charset=utf-8'],
    ]);
    for (const object of objects) {
      expect(object.bucket).toBe(ref(`${BUCKET}.id`));
      expect(object.source).toMatch(/^assets\/.+\/(returns\.md|shipping\.txt)$/);
    }
    expect(bucket.documents.map((document) => document.key)).toEqual([
      'documents/returns.md',
      'documents/shipping.txt',
    ]);
  });

  it('takes another key prefix from its props', () => {
    const { json } = build({ keyPrefix: 'kb/docs/' });
    expect(Object.values(resources(json, 'aws_s3_object')).map((object) => object.key)).toEqual([
      'kb/docs/returns.md',
      'kb/docs/shipping.txt',
    ]);
  });

  it('changes its documents hash when a document changes, and only then', () => {
    const dir = documentsDir(TWO_DOCUMENTS);
    const first = build({ documentsDir: dir }).bucket.documentsHash;
    expect(build({ documentsDir: dir }).bucket.documentsHash).toBe(first);
    writeFileSync(join(dir, 'returns.md'), '# Returns\nWithin 60 days.\n');
    expect(build({ documentsDir: dir }).bucket.documentsHash).not.toBe(first);
  });

  it("uploads the repository's knowledge base documents", () => {
    const { bucket } = build({ documentsDir: KB_DOCUMENTS_DIR });
    expect(bucket.documents.map((document) => document.fileName)).toEqual([
      'product-catalog.md',
      'return-policy.md',
      'shipping-and-delivery-faq.md',
    ]);
  });

  it('grants listing the bucket and reading the documents under the prefix only', () => {
    const { stack, bucket } = build();
    const granted: PolicyStatement[] = [];
    bucket.grantReadDocuments({ addToPrincipalPolicy: (statement) => granted.push(statement) });
    expect(resolved(stack, granted).map((statement) => [statement.Action, statement.Resource])).toEqual([
      [['s3:ListBucket'], [ref(`${BUCKET}.arn`)]],
      [['s3:GetObject'], [`${ref(`${BUCKET}.arn`)}/documents/*`]],
    ]);
  });

  it.each([
    ['bucket name', { bucketName: 'KB Documents' }, /is not a bucket name/],
    ['key prefix without a trailing slash', { keyPrefix: 'documents' }, /key prefix "documents"/],
    ['noncurrent version expiry', { noncurrentVersionExpirationDays: 0 }, /expire after 1-3650 days/],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => build(overrides)).toThrow(ConstructPropsError);
    expect(() => build(overrides)).toThrow(message);
  });

  it('rejects a file type the knowledge base cannot ingest', () => {
    const documents = documentsDir({ ...TWO_DOCUMENTS, 'logo.png': 'png' });
    expect(() => build({ documentsDir: documents })).toThrow(
      /logo\.png is not a type the knowledge base ingests/,
    );
  });

  it('says clearly when the documents are missing', () => {
    expect(() => build({ documentsDir: '/nonexistent/documents' })).toThrow(MissingInputError);
    expect(() => build({ documentsDir: documentsDir({}) })).toThrow(
      /holds no documents for the knowledge base/,
    );
  });
});
