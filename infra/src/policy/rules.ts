/** The least-privilege rules every stack is checked against at synth time (see infra/docs/policy-rules.md). */
export const PolicyRule = {
  /** An Allow statement with a wildcard action (`*`, `svc:*`, `svc:Get*`) or NotAction. */
  WILDCARD_ACTION: 'WILDCARD_ACTION',
  /** An Allow statement on Resource `*` (or NotResource) with an action that supports resource-level permissions. */
  WILDCARD_RESOURCE: 'WILDCARD_RESOURCE',
  /**
   * An Allow to a service principal without an aws:SourceAccount condition, or without an aws:SourceArn one
   * (which a role trust policy for a principal in SOURCE_ARN_OPTIONAL_PRINCIPALS, i.e. Lambda, may omit).
   */
  SERVICE_PRINCIPAL_UNSCOPED: 'SERVICE_PRINCIPAL_UNSCOPED',
  /** An Allow to everyone (`Principal: "*"` or `AWS: "*"`). */
  PUBLIC_PRINCIPAL: 'PUBLIC_PRINCIPAL',
  /** A policy the rules cannot read (not a literal JSON document, e.g. jsonencode() or a data source). */
  UNREADABLE_POLICY: 'UNREADABLE_POLICY',
  /** A Lambda permission without source_account and source_arn. */
  LAMBDA_PERMISSION_UNSCOPED: 'LAMBDA_PERMISSION_UNSCOPED',
  /** A bucket without a public access block that sets all four flags. */
  BUCKET_PUBLIC_ACCESS: 'BUCKET_PUBLIC_ACCESS',
  /**
   * A grant of bedrock:InvokeModel* on foundation models in every region (`*`), or, in a policy that also grants
   * an inference profile, one without a bedrock:InferenceProfileArn condition: the model must be reachable only
   * through the profile, in the profile's listed regions.
   */
  MODEL_NOT_THROUGH_PROFILE: 'MODEL_NOT_THROUGH_PROFILE',
  /** A bucket without a default encryption configuration. */
  BUCKET_UNENCRYPTED: 'BUCKET_UNENCRYPTED',
  /** A bucket without a policy that denies requests over plain HTTP (aws:SecureTransport false). */
  BUCKET_NOT_TLS_ONLY: 'BUCKET_NOT_TLS_ONLY',
  /**
   * A bucket policy grant (Allow to an AWS principal) that reaches more than one top-level key prefix, a prefix
   * named by a wildcard, the whole bucket's listing, or a principal granted two prefixes: a state bucket grant
   * must never reach another environment's state.
   */
  BUCKET_GRANT_SPANS_PREFIXES: 'BUCKET_GRANT_SPANS_PREFIXES',
  /** A role trusting an OIDC provider without literal StringEquals conditions on the token's `aud` and `sub`. */
  WEB_IDENTITY_UNSCOPED: 'WEB_IDENTITY_UNSCOPED',
} as const;

export type PolicyRuleId = (typeof PolicyRule)[keyof typeof PolicyRule];

/**
 * Actions that have no resource-level permissions (IAM only accepts `Resource: "*"` for them), so a `*`
 * resource is the narrowest grant possible. Extend it only with actions the Service Authorization Reference
 * lists without a resource type.
 */
export const ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS: readonly string[] = [
  'cloudwatch:PutMetricData',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
  'bedrock:ListFoundationModels',
  'bedrock:ListInferenceProfiles',
  'sts:GetCallerIdentity',
];
