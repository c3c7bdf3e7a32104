import { App } from 'cdktf';
import {
  VectorCollection,
  type VectorCollectionProps,
} from '../../../../src/constructs/knowledge-base/vector-collection';
import { ServiceRole } from '../../../../src/constructs/service-role';
import { ConstructPropsError } from '../../../../src/errors';
import { renderedAossPolicy } from '../../../../src/iam';
import { PolicyCheckedStack } from '../../../../src/stacks/policy-checked-stack';
import {
  ACCOUNT,
  errorAnnotations,
  newStack,
  ref,
  resolved,
  resources,
  synth,
  testApp,
} from '../../../helpers';
import { inNewStack } from '../../../support/construct-fixtures';

type Json = Record<string, unknown>;

function build(overrides: Partial<VectorCollectionProps> = {}) {
  const built = inNewStack((stack) => {
    const collection = new VectorCollection(stack, 'Vectors', { collectionName: 'test-kb', ...overrides });
    const role = (name: string) =>
      new ServiceRole(stack, name, {
        roleName: name,
        servicePrincipal: 'lambda.amazonaws.com',
      });
    const indexer = role('indexer');
    const reader = role('reader');
    collection.grantCreateIndex(indexer, 'docs');
    collection.grantReadWriteIndex(reader, 'docs');
    return { collection, indexer, reader };
  });
  return { ...built, json: built.json };
}

const COLLECTION = 'aws_opensearchserverless_collection.vectors_collection';

function securityPolicies(json: Json): Record<string, { type: string; policy: unknown }> {
  return Object.fromEntries(
    Object.values(resources(json, 'aws_opensearchserverless_security_policy')).map((policy) => [
      String(policy.type),
      { type: String(policy.type), policy: JSON.parse(String(policy.policy)) },
    ]),
  );
}

describe('VectorCollection', () => {
  it('is a VECTORSEARCH collection with a stable address and standby replicas on by default', () => {
    expect(resources(build().json, 'aws_opensearchserverless_collection')).toEqual({
      vectors_collection: expect.objectContaining({
        name: 'test-kb',
        type: 'VECTORSEARCH',
        standby_replicas: 'ENABLED',
      }),
    });
  });

  it('turns standby replicas off when asked (development: half the OCU floor)', () => {
    const json = build({ standbyReplicas: 'DISABLED' }).json;
    expect(resources(json, 'aws_opensearchserverless_collection').vectors_collection?.standby_replicas).toBe(
      'DISABLED',
    );
  });

  it('encrypts this collection only, with an AWS-owned key, and opens only its endpoint', () => {
    const policies = securityPolicies(build().json);
    expect(policies.encryption?.policy).toEqual({
      Rules: [{ ResourceType: 'collection', Resource: ['collection/test-kb'] }],
      AWSOwnedKey: true,
    });
    expect(policies.network?.policy).toEqual([
      expect.objectContaining({
        Rules: [{ ResourceType: 'collection', Resource: ['collection/test-kb'] }],
        AllowFromPublic: true,
      }),
    ]);
  });

  it('is created after its encryption and network policies (creation fails without a matching one)', () => {
    const json = build().json;
    const collection = resources(json, 'aws_opensearchserverless_collection').vectors_collection;
    expect(collection?.depends_on).toEqual(
      Object.keys(resources(json, 'aws_opensearchserverless_security_policy')).map(
        (id) => `aws_opensearchserverless_security_policy.${id}`,
      ),
    );
  });

  it('names only the granted roles in its data access policy, each with its own permissions on the one index', () => {
    const { stack, collection, indexer, reader } = build();
    const document = resolved(stack, renderedAossPolicy(collection.dataAccessPolicy.policyInput));
    expect(document).toEqual([
      {
        Description: expect.any(String),
        Rules: [
          {
            ResourceType: 'index',
            Resource: ['index/test-kb/docs'],
            Permission: ['aoss:CreateIndex', 'aoss:DescribeIndex', 'aoss:ReadDocument'],
          },
        ],
        Principal: [resolved(stack, indexer.roleArn)],
      },
      {
        Description: expect.any(String),
        Rules: [
          {
            ResourceType: 'collection',
            Resource: ['collection/test-kb'],
            Permission: ['aoss:DescribeCollectionItems'],
          },
          {
            ResourceType: 'index',
            Resource: ['index/test-kb/docs'],
            Permission: ['aoss:DescribeIndex', 'aoss:ReadDocument', 'aoss:WriteDocument'],
          },
        ],
        Principal: [resolved(stack, reader.roleArn)],
      },
    ]);
    expect(Object.values(resources(synth(stack), 'aws_opensearchserverless_access_policy'))).toEqual([
      expect.objectContaining({ name: 'test-kb', type: 'data' }),
    ]);
  });

  it('grants each role aoss:APIAccessAll on this collection only, once however many grants it gets', () => {
    const { stack, collection, reader } = build();
    collection.grantCreateIndex(reader, 'docs');
    const apiAccess = resolved(stack, reader.grantedStatements).filter((statement) =>
      String(statement.Action).includes('aoss:'),
    );
    expect(apiAccess).toEqual([
      {
        Sid: 'UseVectorCollection',
        Effect: 'Allow',
        Action: ['aoss:APIAccessAll'],
        Resource: [ref(`${COLLECTION}.arn`)],
      },
    ]);
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(build().stack)).toEqual([]);
  });

  it('fails the synth when its data access policy names no one', () => {
    const app = new App({ outdir: testApp().outdir });
    const stack = new PolicyCheckedStack(app, 'nobody', {
      accountId: ACCOUNT,
      region: 'eu-west-1',
      tags: {},
    });
    new VectorCollection(stack, 'Vectors', { collectionName: 'test-kb' });
    expect(() => app.synth()).toThrow(/the data access policy names no one/);
  });

  it.each([
    ['name with capitals', { collectionName: 'Test-KB' }],
    ['name longer than 32 characters', { collectionName: `kb-${'a'.repeat(30)}` }],
    ['standby setting', { standbyReplicas: 'OFF' as 'DISABLED' }],
  ])('rejects an invalid %s', (_what, overrides) => {
    expect(
      () => new VectorCollection(newStack(), 'Vectors', { collectionName: 'test-kb', ...overrides }),
    ).toThrow(ConstructPropsError);
  });

  it('rejects an index name OpenSearch would refuse', () => {
    const stack = newStack();
    const collection = new VectorCollection(stack, 'Vectors', { collectionName: 'test-kb' });
    const role = new ServiceRole(stack, 'r', {
      roleName: 'r',
      servicePrincipal: 'lambda.amazonaws.com',
    });
    expect(() => collection.grantCreateIndex(role, 'Docs Index')).toThrow(
      /"Docs Index" is not an index name/,
    );
  });
});
