import { findEnvironment, loadInfraConfig } from '../../../src/config/load-config';
import type { AccessConfig } from '../../../src/config/types';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';
import { EnvironmentStack } from '../../../src/stacks/environment-stack';
import { synth, testApp } from '../../helpers';
import { environmentSources } from '../../support/environment-sources';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
const sources = environmentSources();
const OPERATOR = 'arn:aws:iam::111111111111:role/order-agent-dev-operator';
const STATE_ROLE = 'arn:aws:iam::333333333333:role/order-agent-state-access';

type Synthesized = {
  provider: { aws: Array<Record<string, unknown>> };
  terraform: { backend: { s3: Record<string, unknown> } };
};

function devWith(access: Partial<AccessConfig>): Synthesized {
  const dev = findEnvironment(config, 'dev');
  const stack = new EnvironmentStack(testApp(), {
    project: config.project,
    environment: { ...dev, access: { ...dev.access, ...access } },
    state: config.state,
    sources,
  });
  return synth(stack) as unknown as Synthesized;
}

describe('EnvironmentStack access', () => {
  it('uses the credentials as they are in mode direct: no assume_role on the provider or the backend', () => {
    const json = devWith({});
    expect(json.provider.aws[0]!.assume_role).toBeUndefined();
    expect(json.terraform.backend.s3.assume_role).toBeUndefined();
  });

  it('has the provider assume the configured role, still locked to the environment account', () => {
    const json = devWith({ mode: 'assume-role', assumeRoleArn: OPERATOR });
    expect(json.provider.aws[0]).toMatchObject({
      allowed_account_ids: ['111111111111'],
      assume_role: [{ role_arn: OPERATOR, session_name: 'order-agent-dev-terraform' }],
    });
    expect(json.terraform.backend.s3.assume_role).toBeUndefined();
  });

  it('has the S3 backend assume the state role when one is configured', () => {
    const json = devWith({ stateRoleArn: STATE_ROLE });
    expect(json.terraform.backend.s3).toMatchObject({
      key: 'order-agent-dev/terraform.tfstate',
      use_lockfile: true,
      assume_role: { role_arn: STATE_ROLE, session_name: 'order-agent-dev-state' },
    });
  });
});
