import { loadInfraConfig } from '../../../src/config/load-config';
import type { StateConfig } from '../../../src/config/types';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';
import { StateStack } from '../../../src/stacks/state-stack';
import { errorAnnotations, onlyResource, synth, testApp } from '../../helpers';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);

function stateStack(state: Partial<StateConfig> = {}) {
  const stack = new StateStack(testApp(), {
    project: 'order-agent',
    state: { ...config.state, ...state },
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

  it('passes the policy rules', () => {
    expect(errorAnnotations(stateStack().stack)).toEqual([]);
  });
});
