import type { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { loadInfraConfig } from '../../../src/config/load-config';
import type { StateConfig } from '../../../src/config/types';
import type { StateBucket } from '../../../src/constructs/state-bucket';
import { asList } from '../../../src/iam';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';
import { StateStack } from '../../../src/stacks/state-stack';
import { errorAnnotations, onlyResource, ref, resolved, statements, synth, testApp } from '../../helpers';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);

function stateStack(state: Partial<StateConfig> = {}, environments = config.environments) {
  const stack = new StateStack(testApp(), {
    project: 'order-agent',
    state: { ...config.state, ...state },
    environments,
  });
  return { stack, json: synth(stack) };
}

describe('StateStack', () => {
  it('bootstraps on a local state file at the repository root, outside cdktf.out', () => {
    const { stack, json } = stateStack({ bootstrapBackend: 'local' });
    expect(stack.node.id).toBe('order-agent-state');
    expect((json.terraform as { backend: unknown }).backend).toEqual({
      local: { path: '../../../terraform.order-agent-state.tfstate' },
    });
  });

  it('keeps its own state in the bucket once migrated', () => {
    expect(
      (stateStack({ bootstrapBackend: 's3' }).json.terraform as { backend: { s3: unknown } }).backend.s3,
    ).toMatchObject({
      bucket: config.state.bucketName,
      key: 'order-agent-state/terraform.tfstate',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('creates the state bucket in the state account, tagged as shared', () => {
    const { json } = stateStack();
    expect(onlyResource(json, 'aws_s3_bucket').bucket).toBe(config.state.bucketName);
    expect((json.provider as { aws: unknown[] }).aws[0]).toMatchObject({
      allowed_account_ids: [config.state.accountId],
      default_tags: [{ tags: expect.objectContaining({ environment: 'shared', owner: config.state.owner }) }],
    });
  });

  it("grants each environment's plan and apply roles only that environment's state, lock file and prefix", () => {
    const { stack } = stateStack();
    const bucket = stack.node.findChild('StateBucket') as StateBucket;
    const policy = bucket.node.findChild('tls-only-policy') as S3BucketPolicy;
    const grants = resolved(stack, statements(policy.policyInput)).filter(
      (statement) => statement.Effect === 'Allow',
    );
    const bucketArn = ref('aws_s3_bucket.state_bucket.arn');
    for (const environment of config.environments) {
      const prefix = `order-agent-${environment.name}`;
      for (const role of [environment.access.planRoleArn, environment.access.applyRoleArn]) {
        const own = grants.filter(
          (statement) => statement.Condition?.ArnEquals?.['aws:PrincipalArn'] === role,
        );
        expect(own.length).toBeGreaterThanOrEqual(2);
        const reached = own.flatMap((statement) => [
          ...asList(statement.Resource),
          ...asList(statement.Condition?.StringLike?.['s3:prefix'] as string | undefined),
        ]);
        expect([...new Set(reached)].sort()).toEqual(
          [
            bucketArn,
            `${bucketArn}/${prefix}/terraform.tfstate`,
            `${bucketArn}/${prefix}/terraform.tfstate.tflock`,
            `${prefix}/*`,
          ].sort(),
        );
        expect(own.every((statement) => statement.Principal !== '*')).toBe(true);
      }
    }
    expect(grants).toHaveLength(config.environments.length * 5);
  });

  it('adds the grants of an environment added to the configuration', () => {
    const qa = {
      ...config.environments[0]!,
      name: 'qa',
      accountId: '444444444444',
      access: {
        mode: 'direct' as const,
        planRoleArn: 'arn:aws:iam::444444444444:role/order-agent-qa-plan',
        applyRoleArn: 'arn:aws:iam::444444444444:role/order-agent-qa-apply',
      },
    };
    const { stack, json } = stateStack({}, [...config.environments, qa]);
    expect(JSON.stringify(json)).toContain('order-agent-qa/terraform.tfstate.tflock');
    expect(errorAnnotations(stack)).toEqual([]);
  });

  it('grants nothing without environments', () => {
    const { json } = stateStack({}, []);
    expect(JSON.stringify(json)).not.toContain('aws:PrincipalArn');
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(stateStack().stack)).toEqual([]);
  });
});
