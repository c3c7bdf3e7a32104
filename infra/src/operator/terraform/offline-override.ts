/** Name of the override file; Terraform merges any `*_override.tf.json` over the synthesized configuration. */
export const OFFLINE_OVERRIDE_FILE = 'offline_override.tf.json';

/** The local state file the override points the backend at (empty unless a prior state is copied in). */
export const OFFLINE_STATE_FILE = 'offline.tfstate';

interface SynthesizedStack {
  readonly provider?: Record<string, ReadonlyArray<{ readonly alias?: string }>>;
}

/**
 * An override that lets a stack plan with no AWS account: a local backend instead of S3, and for every AWS
 * provider block dummy credentials, no credential/account/metadata lookups, and no allowed_account_ids (the
 * provider cannot learn the account, so it would refuse every plan).
 */
export function offlineOverride(stack: SynthesizedStack): Record<string, unknown> {
  const awsBlocks = stack.provider?.aws ?? [];
  return {
    terraform: { backend: { local: { path: OFFLINE_STATE_FILE } } },
    ...(awsBlocks.length === 0
      ? {}
      : {
          provider: {
            aws: awsBlocks.map((block) => ({
              ...(block.alias === undefined ? {} : { alias: block.alias }),
              access_key: 'offline-plan',
              secret_key: 'offline-plan',
              skip_credentials_validation: true,
              skip_requesting_account_id: true,
              skip_metadata_api_check: true,
              allowed_account_ids: null,
            })),
          },
        }),
  };
}
