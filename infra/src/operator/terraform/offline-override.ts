/** Name of the override file; Terraform merges any `*_override.tf.json` over the synthesized configuration. */
export const OFFLINE_OVERRIDE_FILE = 'offline_override.tf.json';

/** The local state file the override points the backend at (empty unless a prior state is copied in). */
export const OFFLINE_STATE_FILE = 'offline.tfstate';

interface SynthesizedStack {
  readonly provider?: Record<string, ReadonlyArray<{ readonly alias?: string }>>;
}

/** The backend settings that make the S3 backend assume a role (`assume_role` block, or the older `role_arn`). */
const BACKEND_ROLE_KEYS = ['assume_role', 'role_arn'] as const;

/**
 * The offline working copy's own cdk.tf.json: the synthesized configuration without the AWS providers'
 * `assume_role` and the backend's role settings. An override file cannot remove them (Terraform merges nested
 * provider blocks; `[]` and `null` do not clear one), and with them the provider calls STS even with dummy
 * credentials. The synthesized file itself is never changed: only the copy offline plans run in.
 */
export function withoutAssumedRoles(synthesized: Record<string, unknown>): Record<string, unknown> {
  const provider = synthesized.provider as Record<string, Array<Record<string, unknown>>> | undefined;
  const terraform = synthesized.terraform as
    | { backend?: Record<string, Record<string, unknown>> }
    | undefined;
  return {
    ...synthesized,
    ...(provider?.aws === undefined
      ? {}
      : { provider: { ...provider, aws: provider.aws.map((block) => omit(block, ['assume_role'])) } }),
    ...(terraform?.backend === undefined
      ? {}
      : {
          terraform: {
            ...terraform,
            backend: Object.fromEntries(
              Object.entries(terraform.backend).map(([type, settings]) => [
                type,
                omit(settings, BACKEND_ROLE_KEYS),
              ]),
            ),
          },
        }),
  };
}

function omit(settings: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => !keys.includes(key)));
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
