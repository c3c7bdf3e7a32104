import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { ConstructPropsError, MissingInputError } from '../../errors';
import type { IGrantable } from '../../iam';
import { REPO_ROOT } from '../../paths';
import {
  addPrivateBucket,
  BucketOnDestroy,
  checkBucketName,
  checkNoncurrentVersionDays,
} from '../private-bucket';
import { checkProp } from '../prop-checks';

export interface DocumentsBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** Directory whose files are uploaded, one object each (not recursive); read at synth. */
  readonly documentsDir: string;
  /**
   * Key prefix of the uploaded documents (what the data source ingests); ends with `/`.
   * @default 'documents/'
   */
  readonly keyPrefix?: string;
  /**
   * Days a replaced or deleted document version is kept.
   * @default 90
   */
  readonly noncurrentVersionExpirationDays?: number;
}

/** One uploaded document. */
export interface UploadedDocument {
  readonly fileName: string;
  readonly key: string;
  /** MD5 of the contents, hex: the object's `source_hash`, so a changed file shows in the plan. */
  readonly md5: string;
  readonly object: S3Object;
}

/** File types a Bedrock knowledge base ingests from S3, with the content type each is uploaded with. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** Bedrock's limit for one source file. */
const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
const KEY_PREFIX = /^([A-Za-z0-9!_.*'()-]+\/)+$/;

/**
 * The knowledge base's source documents: a private bucket (versioned, encrypted, ACLs off, public access
 * blocked, TLS only, old versions expiring) and one `aws_s3_object` per file of `documentsDir`, whose
 * `source_hash` is the file's MD5, so editing a document plans an update of exactly that object. The bucket
 * holds copies of files kept in the repository, so `destroy` may empty it (`force_destroy`).
 */
export class DocumentsBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly bucketName: string;
  public readonly bucketArn: string;
  public readonly keyPrefix: string;
  public readonly documents: readonly UploadedDocument[];
  /** SHA-256 over every document's key and MD5: changes whenever any document is added, edited or removed. */
  public readonly documentsHash: string;

  public constructor(scope: Construct, id: string, props: DocumentsBucketProps) {
    super(scope, id);
    const keyPrefix = props.keyPrefix ?? 'documents/';
    const days = props.noncurrentVersionExpirationDays ?? 90;
    const files = validate(this.node.path, props, keyPrefix, days);
    this.keyPrefix = keyPrefix;

    this.bucket = addPrivateBucket(this, {
      bucketName: props.bucketName,
      onDestroy: BucketOnDestroy.empty,
      lifecycleRuleId: 'expire-old-document-versions',
      noncurrentVersionExpirationDays: days,
    });
    this.bucketName = this.bucket.bucket;
    this.bucketArn = this.bucket.arn;

    this.documents = files.map((fileName) => {
      const path = join(props.documentsDir, fileName);
      const asset = new TerraformAsset(this, `asset-${fileName}`, { path, type: AssetType.FILE });
      const md5 = createHash('md5').update(readFileSync(path)).digest('hex');
      const key = `${keyPrefix}${fileName}`;
      const object = new S3Object(this, `document-${fileName}`, {
        bucket: this.bucket.id,
        key,
        source: asset.path,
        sourceHash: md5,
        contentType: CONTENT_TYPES[extname(fileName).toLowerCase()],
      });
      return { fileName, key, md5, object };
    });
    this.documentsHash = createHash('sha256')
      .update(JSON.stringify(this.documents.map(({ key, md5 }) => [key, md5])))
      .digest('hex');
  }

  /** ListBucket on the bucket and GetObject on the documents under the key prefix (what ingestion reads). */
  public grantReadDocuments(grantee: IGrantable): void {
    grantee.addToPrincipalPolicy({
      Sid: 'ListDocuments',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [this.bucketArn],
    });
    grantee.addToPrincipalPolicy({
      Sid: 'ReadDocuments',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: [`${this.bucketArn}/${this.keyPrefix}*`],
    });
  }
}

/** The document file names (sorted), after checking every prop; a clear error for each problem. */
function validate(path: string, props: DocumentsBucketProps, keyPrefix: string, days: number): string[] {
  checkBucketName(path, props.bucketName);
  checkProp(
    path,
    keyPrefix,
    (prefix) => KEY_PREFIX.test(prefix),
    `key prefix ${JSON.stringify(keyPrefix)} must be safe key segments ending in /`,
  );
  checkNoncurrentVersionDays(path, days);
  const where = relative(REPO_ROOT, props.documentsDir) || props.documentsDir;
  let entries: string[];
  try {
    entries = readdirSync(props.documentsDir);
  } catch (error) {
    throw new MissingInputError(
      `cannot read the knowledge base documents (${where}): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const files = entries
    .filter((name) => !name.startsWith('.') && statSync(join(props.documentsDir, name)).isFile())
    .sort();
  if (files.length === 0) throw new MissingInputError(`${where} holds no documents for the knowledge base`);
  for (const file of files) {
    if (CONTENT_TYPES[extname(file).toLowerCase()] === undefined) {
      throw new ConstructPropsError(
        `${path}: ${where}/${file} is not a type the knowledge base ingests (${Object.keys(CONTENT_TYPES).join(', ')})`,
      );
    }
    if (statSync(join(props.documentsDir, file)).size > MAX_DOCUMENT_BYTES) {
      throw new ConstructPropsError(`${path}: ${where}/${file} is larger than the 50 MB Bedrock ingests`);
    }
  }
  return files;
}
