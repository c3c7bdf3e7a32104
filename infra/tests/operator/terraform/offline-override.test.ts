import {
  OFFLINE_OVERRIDE_FILE,
  offlineOverride,
  withoutAssumedRoles,
} from '../../../src/operator/terraform/offline-override';

describe('offlineOverride', () => {
  it('is a Terraform override file (its name ends in _override.tf.json)', () => {
    expect(OFFLINE_OVERRIDE_FILE).toMatch(/_override\.tf\.json$/);
  });

  it('replaces the backend with a local one', () => {
    expect(offlineOverride({}).terraform).toEqual({ backend: { local: { path: 'offline.tfstate' } } });
  });

  it('gives every AWS provider block dummy credentials, no lookups and no account lock', () => {
    const override = offlineOverride({ provider: { aws: [{}, { alias: 'us' }] } }) as {
      provider: { aws: object[] };
    };
    const expected = {
      access_key: 'offline-plan',
      secret_key: 'offline-plan',
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      allowed_account_ids: null,
    };
    expect(override.provider.aws).toEqual([expected, { alias: 'us', ...expected }]);
  });

  it('adds no provider block to a stack without an AWS provider', () => {
    expect(offlineOverride({ provider: {} })).not.toHaveProperty('provider');
  });
});

describe('withoutAssumedRoles', () => {
  const role = {
    role_arn: 'arn:aws:iam::111111111111:role/operator',
    session_name: 'order-agent-dev-terraform',
  };
  const synthesized = {
    terraform: {
      required_version: '>= 1.10.0',
      backend: {
        s3: { bucket: 'b', key: 'k', assume_role: role, role_arn: 'arn:aws:iam::333333333333:role/s' },
      },
    },
    provider: {
      aws: [
        { region: 'us-east-1', assume_role: [role] },
        { alias: 'us', region: 'us-west-2' },
      ],
    },
    resource: { terraform_data: { x: {} } },
  };

  it("drops every AWS provider's assume_role and the backend's role settings, keeping everything else", () => {
    expect(withoutAssumedRoles(synthesized)).toEqual({
      terraform: { required_version: '>= 1.10.0', backend: { s3: { bucket: 'b', key: 'k' } } },
      provider: { aws: [{ region: 'us-east-1' }, { alias: 'us', region: 'us-west-2' }] },
      resource: { terraform_data: { x: {} } },
    });
  });

  it('does not change the configuration it is given', () => {
    const before = JSON.stringify(synthesized);
    withoutAssumedRoles(synthesized);
    expect(JSON.stringify(synthesized)).toBe(before);
  });

  it('leaves a configuration with no provider and no backend as it is', () => {
    expect(withoutAssumedRoles({ resource: {} })).toEqual({ resource: {} });
  });
});
