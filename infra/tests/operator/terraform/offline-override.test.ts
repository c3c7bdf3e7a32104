import { OFFLINE_OVERRIDE_FILE, offlineOverride } from '../../../src/operator/terraform/offline-override';

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
