import { createHash } from 'node:crypto';
import { OpensearchserverlessAccessPolicy } from '@cdktf/provider-aws/lib/opensearchserverless-access-policy';
import { OpensearchserverlessCollection } from '@cdktf/provider-aws/lib/opensearchserverless-collection';
import { OpensearchserverlessSecurityPolicy } from '@cdktf/provider-aws/lib/opensearchserverless-security-policy';
import { Construct } from 'constructs';
import { ConstructPropsError } from '../../errors';
import { type AossDataAccessStatement, type IGrantable, renderAossPolicy } from '../../iam';
import { stableLogicalId } from '../logical-id';

export interface VectorCollectionProps {
  /** Collection name (3-32 characters: lower-case letters, digits, `-`, starting with a letter); also names its policies. */
  readonly collectionName: string;
  /**
   * `ENABLED` keeps a standby copy in another Availability Zone (production); `DISABLED` halves the OCU floor
   * (development). See docs/decisions/vector-store.md.
   * @default 'ENABLED'
   */
  readonly standbyReplicas?: 'ENABLED' | 'DISABLED';
  /**
   * Shown in the OpenSearch Serverless console.
   * @default 'Vector store of the order agent knowledge base'
   */
  readonly description?: string;
}

/** A role a data access grant names: its ARN goes into the data access policy, the IAM side into its policy. */
export interface ICollectionGrantee extends IGrantable {
  readonly roleArn: string;
}

/** Collections and security policies: 3-32 characters, lower case, starting with a letter. */
const COLLECTION_NAME = /^[a-z][a-z0-9-]{2,31}$/;
/** Index names as OpenSearch accepts them (and the index step checks them again). */
const INDEX_NAME = /^[a-z0-9][a-z0-9_.-]{0,254}$/;

/**
 * An OpenSearch Serverless `VECTORSEARCH` collection with its encryption policy (AWS-owned key), its network
 * policy (public endpoint: every request is still SigV4-signed and checked against the data access policy;
 * Bedrock and the index step's Lambda reach it without a VPC) and a data access policy that names only the
 * roles granted through grantX(), each with the permissions of its job, on this collection's one index.
 */
export class VectorCollection extends Construct {
  public readonly collection: OpensearchserverlessCollection;
  public readonly encryptionPolicy: OpensearchserverlessSecurityPolicy;
  public readonly networkPolicy: OpensearchserverlessSecurityPolicy;
  public readonly dataAccessPolicy: OpensearchserverlessAccessPolicy;
  public readonly collectionName: string;
  public readonly collectionArn: string;
  public readonly collectionEndpoint: string;
  /** Changes whenever a setting that replaces the collection (name, standby replicas) changes. */
  public readonly fingerprint: string;
  private readonly literalName: string;
  private readonly statements: AossDataAccessStatement[] = [];
  private readonly apiAccessGranted = new Set<ICollectionGrantee>();

  public constructor(scope: Construct, id: string, props: VectorCollectionProps) {
    super(scope, id);
    const name = props.collectionName;
    if (!COLLECTION_NAME.test(name)) {
      throw new ConstructPropsError(
        `${this.node.path}: collection name ${JSON.stringify(name)} needs 3-32 lower-case letters, digits or hyphens, starting with a letter`,
      );
    }
    this.literalName = name;
    const standbyReplicas = props.standbyReplicas ?? 'ENABLED';
    if (standbyReplicas !== 'ENABLED' && standbyReplicas !== 'DISABLED') {
      throw new ConstructPropsError(`${this.node.path}: standbyReplicas must be ENABLED or DISABLED`);
    }
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([name, 'VECTORSEARCH', standbyReplicas]))
      .digest('hex')
      .slice(0, 16);
    const thisCollection = [{ ResourceType: 'collection' as const, Resource: [`collection/${name}`] }];

    this.encryptionPolicy = new OpensearchserverlessSecurityPolicy(this, 'encryption-policy', {
      name,
      type: 'encryption',
      description: `Encryption of the ${name} collection`,
      policy: renderAossPolicy({ Rules: thisCollection, AWSOwnedKey: true }),
    });
    this.networkPolicy = new OpensearchserverlessSecurityPolicy(this, 'network-policy', {
      name,
      type: 'network',
      description: `Network access to the ${name} collection endpoint`,
      policy: renderAossPolicy([
        {
          Description: 'Public endpoint: requests are signed and checked against the data access policy',
          Rules: thisCollection,
          AllowFromPublic: true,
        },
      ]),
    });
    this.collection = new OpensearchserverlessCollection(this, 'collection', {
      name,
      type: 'VECTORSEARCH',
      description: props.description ?? 'Vector store of the order agent knowledge base',
      standbyReplicas,
      // A collection can only be created once an encryption policy matches it.
      dependsOn: [this.encryptionPolicy, this.networkPolicy],
    });
    this.collection.overrideLogicalId(stableLogicalId(id, 'collection'));
    this.collectionName = this.collection.name;
    this.collectionArn = this.collection.arn;
    this.collectionEndpoint = this.collection.collectionEndpoint;

    this.dataAccessPolicy = new OpensearchserverlessAccessPolicy(this, 'data-access-policy', {
      name,
      type: 'data',
      description: `Who may use the ${name} collection`,
      policy: renderAossPolicy(this.statements),
    });
    this.node.addValidation({
      validate: () =>
        this.statements.length === 0 ? [`${this.node.path}: the data access policy names no one`] : [],
    });
  }

  /** What the index step needs: create the one index, read its mapping back, and search it until it settles. */
  public grantCreateIndex(grantee: ICollectionGrantee, indexName: string): void {
    this.grantDataAccess(
      grantee,
      indexName,
      'Index step: create the vector index',
      [],
      ['aoss:CreateIndex', 'aoss:DescribeIndex', 'aoss:ReadDocument'],
    );
  }

  /** What a knowledge base needs: find the index, write and delete its chunks, search them. */
  public grantReadWriteIndex(grantee: ICollectionGrantee, indexName: string): void {
    this.grantDataAccess(
      grantee,
      indexName,
      'Knowledge base: ingest into and search the vector index',
      ['aoss:DescribeCollectionItems'],
      ['aoss:DescribeIndex', 'aoss:ReadDocument', 'aoss:WriteDocument'],
    );
  }

  /**
   * Names the grantee in the data access policy with these permissions on the collection and on the one index,
   * and lets it call the collection's data plane at all (IAM `aoss:APIAccessAll` on this collection only).
   */
  private grantDataAccess(
    grantee: ICollectionGrantee,
    indexName: string,
    description: string,
    collectionPermissions: readonly string[],
    indexPermissions: readonly string[],
  ): void {
    if (!INDEX_NAME.test(indexName)) {
      throw new ConstructPropsError(`${this.node.path}: ${JSON.stringify(indexName)} is not an index name`);
    }
    const name = this.literalName;
    this.statements.push({
      Description: description,
      Rules: [
        ...(collectionPermissions.length === 0
          ? []
          : [
              {
                ResourceType: 'collection' as const,
                Resource: [`collection/${name}`],
                Permission: collectionPermissions,
              },
            ]),
        { ResourceType: 'index', Resource: [`index/${name}/${indexName}`], Permission: indexPermissions },
      ],
      Principal: [grantee.roleArn],
    });
    this.dataAccessPolicy.policy = renderAossPolicy(this.statements);
    if (!this.apiAccessGranted.has(grantee)) {
      this.apiAccessGranted.add(grantee);
      grantee.addToPrincipalPolicy({
        Sid: 'UseVectorCollection',
        Effect: 'Allow',
        Action: ['aoss:APIAccessAll'],
        Resource: [this.collectionArn],
      });
    }
  }
}
