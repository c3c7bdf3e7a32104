// What the plan and apply roles of one environment may do to the environment stack's resources. One table, read
// by both roles: the plan role gets each row's `read` actions, the apply role `read` and `write`. Every name the
// environment stack gives starts with `<project>-<environment>`, so rows are scoped to that prefix where the
// service names resources by name; see infra/docs/deploy-access.md for the rows that cannot be.
import { parseModelId } from '../config/rules';
import type { PolicyStatement } from './policy-document';

export interface DeployScope {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  readonly project: string;
  readonly environment: string;
  /** The Bedrock chat and embedding model ids the environment uses (the preflight reads them). */
  readonly modelIds: readonly string[];
}

interface PermissionRow {
  readonly sid: string;
  readonly read: readonly string[];
  readonly write: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: PolicyStatement['Condition'];
}

/**
 * Actions IAM accepts only on `Resource: "*"` (no resource type in the Service Authorization Reference), or whose
 * resources are addressed by generated ids the configuration cannot know before they exist.
 */
export const UNSCOPED_DEPLOY_ACTIONS = {
  read: [
    'bedrock:GetModelInvocationLoggingConfiguration',
    'kms:ListAliases',
    'aoss:BatchGetCollection',
    'aoss:ListCollections',
    'aoss:GetSecurityPolicy',
    'aoss:GetAccessPolicy',
  ],
  write: [
    'kms:CreateKey',
    'bedrock:PutModelInvocationLoggingConfiguration',
    'bedrock:DeleteModelInvocationLoggingConfiguration',
    'aoss:CreateCollection',
    'aoss:CreateSecurityPolicy',
    'aoss:UpdateSecurityPolicy',
    'aoss:DeleteSecurityPolicy',
    'aoss:CreateAccessPolicy',
    'aoss:UpdateAccessPolicy',
    'aoss:DeleteAccessPolicy',
    'bedrock:CreateAgent',
    'bedrock:CreateKnowledgeBase',
    'bedrock:CreateGuardrail',
  ],
} as const;

function rows(scope: DeployScope): PermissionRow[] {
  const { partition: p, accountId: a, region: r, project, environment } = scope;
  // Every name the environment stack gives starts with this.
  const prefix = `${project}-${environment}`;
  const arn = (service: string, resource: string, region = r, account = a) =>
    `arn:${p}:${service}:${region}:${account}:${resource}`;
  return [
    {
      sid: 'OrdersTable',
      read: [
        'dynamodb:DescribeTable',
        'dynamodb:DescribeContinuousBackups',
        'dynamodb:DescribeTimeToLive',
        'dynamodb:ListTagsOfResource',
      ],
      write: [
        'dynamodb:CreateTable',
        'dynamodb:UpdateTable',
        'dynamodb:DeleteTable',
        'dynamodb:UpdateContinuousBackups',
        'dynamodb:UpdateTimeToLive',
        'dynamodb:TagResource',
        'dynamodb:UntagResource',
      ],
      resources: [arn('dynamodb', `table/${prefix}-*`)],
    },
    {
      sid: 'Functions',
      read: [
        'lambda:GetFunction',
        'lambda:GetFunctionConfiguration',
        'lambda:GetFunctionCodeSigningConfig',
        'lambda:GetPolicy',
        'lambda:ListVersionsByFunction',
        'lambda:ListTags',
        'lambda:GetRuntimeManagementConfig',
      ],
      write: [
        'lambda:CreateFunction',
        'lambda:DeleteFunction',
        'lambda:UpdateFunctionCode',
        'lambda:UpdateFunctionConfiguration',
        'lambda:PublishVersion',
        'lambda:AddPermission',
        'lambda:RemovePermission',
        'lambda:InvokeFunction',
        'lambda:TagResource',
        'lambda:UntagResource',
      ],
      resources: [arn('lambda', `function:${prefix}-*`)],
    },
    {
      sid: 'ServiceRoles',
      read: [
        'iam:GetRole',
        'iam:GetRolePolicy',
        'iam:ListRolePolicies',
        'iam:ListAttachedRolePolicies',
        'iam:ListRoleTags',
      ],
      write: [
        'iam:CreateRole',
        'iam:DeleteRole',
        'iam:UpdateRole',
        'iam:UpdateAssumeRolePolicy',
        'iam:PutRolePolicy',
        'iam:DeleteRolePolicy',
        'iam:TagRole',
        'iam:UntagRole',
        'iam:ListInstanceProfilesForRole',
      ],
      resources: [`arn:${p}:iam::${a}:role/${prefix}-*`],
    },
    {
      sid: 'PassServiceRoles',
      read: [],
      write: ['iam:PassRole'],
      resources: [`arn:${p}:iam::${a}:role/${prefix}-*`],
      condition: {
        StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com', 'bedrock.amazonaws.com'] },
      },
    },
    {
      sid: 'VectorStoreServiceLinkedRole',
      read: [],
      write: ['iam:CreateServiceLinkedRole'],
      resources: [`arn:${p}:iam::${a}:role/aws-service-role/observability.aoss.amazonaws.com/*`],
      condition: { StringEquals: { 'iam:AWSServiceName': 'observability.aoss.amazonaws.com' } },
    },
    {
      sid: 'LogGroups',
      read: ['logs:ListTagsForResource', 'logs:ListTagsLogGroup'],
      write: [
        'logs:CreateLogGroup',
        'logs:DeleteLogGroup',
        'logs:PutRetentionPolicy',
        'logs:DeleteRetentionPolicy',
        'logs:TagResource',
        'logs:UntagResource',
        'logs:TagLogGroup',
        'logs:UntagLogGroup',
        'logs:AssociateKmsKey',
        'logs:DisassociateKmsKey',
      ],
      // The functions' groups, and the model invocation log group (`/<prefix>/...`).
      resources: [arn('logs', `log-group:/aws/lambda/${prefix}-*`), arn('logs', `log-group:/${prefix}/*`)],
    },
    {
      // DescribeLogGroups is authorised on the account's log groups as a whole, not on one group.
      sid: 'FindLogGroups',
      read: ['logs:DescribeLogGroups'],
      write: [],
      resources: [arn('logs', 'log-group:*')],
    },
    {
      sid: 'Alarms',
      read: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'],
      write: [
        'cloudwatch:PutMetricAlarm',
        'cloudwatch:DeleteAlarms',
        'cloudwatch:TagResource',
        'cloudwatch:UntagResource',
      ],
      resources: [arn('cloudwatch', `alarm:${prefix}-*`)],
    },
    {
      sid: 'AlarmTopic',
      read: [
        'sns:GetTopicAttributes',
        'sns:ListTagsForResource',
        'sns:ListSubscriptionsByTopic',
        'sns:GetSubscriptionAttributes',
      ],
      write: [
        'sns:CreateTopic',
        'sns:DeleteTopic',
        'sns:SetTopicAttributes',
        'sns:TagResource',
        'sns:UntagResource',
        'sns:Subscribe',
        'sns:Unsubscribe',
        'sns:SetSubscriptionAttributes',
      ],
      resources: [arn('sns', `${prefix}-*`)],
    },
    {
      // Keys get generated ids: the environment's tags on them are the scope.
      sid: 'AlarmTopicKey',
      read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
      write: [
        'kms:PutKeyPolicy',
        'kms:EnableKeyRotation',
        'kms:ScheduleKeyDeletion',
        'kms:TagResource',
        'kms:UntagResource',
        'kms:UpdateKeyDescription',
        'kms:CreateAlias',
        'kms:UpdateAlias',
        'kms:DeleteAlias',
      ],
      resources: [arn('kms', 'key/*')],
      condition: {
        StringEquals: { 'aws:ResourceTag/project': project, 'aws:ResourceTag/environment': environment },
      },
    },
    {
      sid: 'AlarmTopicKeyAlias',
      read: [],
      write: ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'],
      resources: [arn('kms', `alias/${prefix}-*`)],
    },
    {
      sid: 'DocumentsBucket',
      read: [
        's3:ListBucket',
        's3:GetBucketLocation',
        's3:GetBucketPolicy',
        's3:GetBucketAcl',
        's3:GetBucketCORS',
        's3:GetBucketWebsite',
        's3:GetBucketVersioning',
        's3:GetAccelerateConfiguration',
        's3:GetBucketRequestPayment',
        's3:GetBucketLogging',
        's3:GetLifecycleConfiguration',
        's3:GetReplicationConfiguration',
        's3:GetEncryptionConfiguration',
        's3:GetBucketObjectLockConfiguration',
        's3:GetBucketTagging',
        's3:GetBucketPublicAccessBlock',
        's3:GetBucketOwnershipControls',
      ],
      write: [
        's3:CreateBucket',
        's3:DeleteBucket',
        's3:PutBucketPolicy',
        's3:DeleteBucketPolicy',
        's3:PutBucketVersioning',
        's3:PutEncryptionConfiguration',
        's3:PutBucketPublicAccessBlock',
        's3:PutBucketOwnershipControls',
        's3:PutLifecycleConfiguration',
        's3:PutBucketTagging',
        's3:ListBucketVersions',
      ],
      resources: [`arn:${p}:s3:::${prefix}-*`],
    },
    {
      sid: 'Documents',
      read: ['s3:GetObject', 's3:GetObjectTagging'],
      write: ['s3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject', 's3:DeleteObjectVersion'],
      resources: [`arn:${p}:s3:::${prefix}-*/*`],
    },
    {
      // Collections get generated ids; the names start with the prefix, but IAM authorises on the id.
      sid: 'VectorCollection',
      read: ['aoss:ListTagsForResource'],
      write: ['aoss:DeleteCollection', 'aoss:UpdateCollection', 'aoss:TagResource', 'aoss:UntagResource'],
      resources: [arn('aoss', 'collection/*')],
    },
    {
      // Agents, knowledge bases and guardrails get generated ids: scoped to the account and region.
      sid: 'Agent',
      read: [
        'bedrock:GetAgent',
        'bedrock:GetAgentVersion',
        'bedrock:ListAgentVersions',
        'bedrock:GetAgentActionGroup',
        'bedrock:GetAgentAlias',
        'bedrock:GetAgentKnowledgeBase',
        'bedrock:GetKnowledgeBase',
        'bedrock:GetDataSource',
        'bedrock:GetGuardrail',
        'bedrock:ListTagsForResource',
      ],
      write: [
        'bedrock:UpdateAgent',
        'bedrock:DeleteAgent',
        'bedrock:PrepareAgent',
        'bedrock:DeleteAgentVersion',
        'bedrock:CreateAgentActionGroup',
        'bedrock:UpdateAgentActionGroup',
        'bedrock:DeleteAgentActionGroup',
        'bedrock:CreateAgentAlias',
        'bedrock:UpdateAgentAlias',
        'bedrock:DeleteAgentAlias',
        'bedrock:AssociateAgentKnowledgeBase',
        'bedrock:UpdateAgentKnowledgeBase',
        'bedrock:DisassociateAgentKnowledgeBase',
        'bedrock:UpdateKnowledgeBase',
        'bedrock:DeleteKnowledgeBase',
        'bedrock:CreateDataSource',
        'bedrock:UpdateDataSource',
        'bedrock:DeleteDataSource',
        'bedrock:UpdateGuardrail',
        'bedrock:DeleteGuardrail',
        'bedrock:CreateGuardrailVersion',
        'bedrock:TagResource',
        'bedrock:UntagResource',
      ],
      resources: [
        arn('bedrock', 'agent/*'),
        arn('bedrock', 'agent-alias/*'),
        arn('bedrock', 'knowledge-base/*'),
        arn('bedrock', 'guardrail/*'),
      ],
    },
    {
      sid: 'Models',
      read: ['bedrock:GetFoundationModel', 'bedrock:GetInferenceProfile'],
      write: [],
      resources: modelResources(scope),
    },
  ];
}

/** The foundation models and inference profiles of the environment, as the preflight reads them. */
function modelResources({ partition: p, accountId: a, region: r, modelIds }: DeployScope): string[] {
  const arns = modelIds.flatMap((modelId) => {
    const { inferenceProfileId, foundationModelId } = parseModelId(modelId);
    const model = `arn:${p}:bedrock:${r}::foundation-model/${foundationModelId}`;
    return inferenceProfileId === undefined
      ? [model]
      : [model, `arn:${p}:bedrock:${r}:${a}:inference-profile/${inferenceProfileId}`];
  });
  return [...new Set(arns)];
}

function statements(scope: DeployScope, withWrite: boolean): PolicyStatement[] {
  return rows(scope)
    .map((row) => ({ row, actions: withWrite ? [...row.read, ...row.write] : [...row.read] }))
    .filter(({ actions }) => actions.length > 0)
    .map(({ row, actions }) => ({
      Sid: row.sid,
      Effect: 'Allow' as const,
      Action: [...new Set(actions)],
      Resource: row.resources,
      ...(row.condition === undefined ? {} : { Condition: row.condition }),
    }));
}

/** The plan role's scoped statements: every row's read actions. */
export function planPermissions(scope: DeployScope): PolicyStatement[] {
  return statements(scope, false);
}

/** The apply role's scoped statements: every row's read and write actions. */
export function applyPermissions(scope: DeployScope): PolicyStatement[] {
  return statements(scope, true);
}

/** The one statement on `Resource: "*"`, for the actions in UNSCOPED_DEPLOY_ACTIONS. */
export function unscopedPermissions(withWrite: boolean): PolicyStatement {
  const { read, write } = UNSCOPED_DEPLOY_ACTIONS;
  return {
    Sid: 'Unscoped',
    Effect: 'Allow',
    Action: withWrite ? [...read, ...write] : [...read],
    Resource: '*',
  };
}
