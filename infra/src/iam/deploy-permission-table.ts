// The rows of the deploy roles' permissions: one per resource type of the environment stack, each with the
// actions plan needs (`read`) and those apply adds (`write`), scoped to the environment's name prefix where the
// service names resources by name. deploy-permissions.ts turns them into policy statements.
import { parseModelId } from '../config/rules';
import type { DeployScope, PermissionRow } from './deploy-scope';

export function permissionRows(scope: DeployScope): PermissionRow[] {
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
