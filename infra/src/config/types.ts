// The shape of infra/config/environments.json after validation. Pure types: the rules live in parse-config.ts.

/** Where the Terraform state of every stack lives, and the account that owns that bucket. */
export interface StateConfig {
  /** 12-digit AWS account that owns the state bucket (often a shared tooling account). */
  readonly accountId: string;
  /** Region of the state bucket. */
  readonly region: string;
  /** Team answerable for the state bucket; becomes its `owner` tag. */
  readonly owner: string;
  /** Globally unique S3 bucket name for the state files. */
  readonly bucketName: string;
  /** Days a replaced (noncurrent) state file version is kept before it expires. */
  readonly noncurrentVersionExpirationDays: number;
  /**
   * Where the bootstrap stack keeps its own state: `local` for the first apply (the bucket does not exist yet),
   * then `s3` once `npm run deploy -- state --migrate-state` has moved it into the bucket.
   */
  readonly bootstrapBackend: 'local' | 's3';
}

/** Alarm thresholds for one environment. Every alarm fires when the sum over one period reaches its threshold. */
export interface AlarmConfig {
  readonly lambdaErrorsThreshold: number;
  readonly lambdaThrottlesThreshold: number;
  readonly agentInvocationErrorsThreshold: number;
  /** Length of one evaluation period, a multiple of 60 seconds. */
  readonly periodSeconds: number;
  /** How many consecutive breaching periods raise the alarm. */
  readonly evaluationPeriods: number;
  /** E-mail addresses subscribed to the alarm topic (each must confirm its subscription); may be empty. */
  readonly emails: readonly string[];
  /**
   * Existing SNS topics the alarms also notify (a paging topic, or one a chat channel already listens to), in
   * the environment's region; their access policy must let CloudWatch publish. May be empty.
   */
  readonly snsTopicArns: readonly string[];
  /**
   * Amazon Q Developer in chat (AWS Chatbot) channel configurations the alarms reach through AWS User
   * Notifications (the account needs a notification hub). May be empty.
   */
  readonly chatConfigurationArns: readonly string[];
}

/**
 * Bedrock model invocation logging (prompts and answers of every model call) into a KMS-encrypted CloudWatch log
 * group. Off unless enabled: the setting is one per account and region, so only one environment of an account
 * may turn it on.
 */
export interface ModelInvocationLoggingConfig {
  readonly enabled: boolean;
  /** Days the log group keeps the records (a CloudWatch Logs retention value). */
  readonly retentionDays: number;
}

/** The knowledge base of one environment (every key has a default; see infra/docs/configuration.md). */
export interface KnowledgeBaseConfig {
  /** Bedrock embedding model id (a foundation model, not an inference profile). */
  readonly embeddingModelId: string;
  /** Vector length the model returns and the index stores (Titan Text Embeddings v2: 256, 512 or 1024). */
  readonly embeddingDimensions: number;
  /** Fixed-size chunking: tokens per chunk. */
  readonly chunkMaxTokens: number;
  /** Fixed-size chunking: overlap between neighbouring chunks, in percent of a chunk. */
  readonly chunkOverlapPercentage: number;
  /** OpenSearch Serverless standby replicas: `DISABLED` halves the OCU floor (dev), `ENABLED` survives an AZ loss. */
  readonly standbyReplicas: 'ENABLED' | 'DISABLED';
}

/** One deployable environment: one AWS account and region, one stack. */
export interface EnvironmentConfig {
  /** The environment's name (the key in `environments`), used in stack and resource names. */
  readonly name: string;
  /** 12-digit AWS account: the provider's only allowed account, so another account's credentials fail. */
  readonly accountId: string;
  readonly region: string;
  /** Team or person answerable for the environment; becomes the `owner` tag. */
  readonly owner: string;
  /** Bedrock model id, or a cross-region inference profile id such as `us.anthropic...`. */
  readonly modelId: string;
  /** Seconds a conversation stays open without a message (60 to 3600). */
  readonly idleSessionTtlSeconds: number;
  readonly lambdaMemoryMb: number;
  readonly lambdaTimeoutSeconds: number;
  /** Days CloudWatch keeps the Lambda's logs: one of the values CloudWatch Logs accepts. */
  readonly logRetentionDays: number;
  /** Turns on DynamoDB deletion protection for the orders table. */
  readonly deletionProtection: boolean;
  readonly alarms: AlarmConfig;
  readonly knowledgeBase: KnowledgeBaseConfig;
  /** Off by default (see ModelInvocationLoggingConfig). */
  readonly modelInvocationLogging: ModelInvocationLoggingConfig;
  /** How Terraform reaches the environment: the CI roles, and the roles the provider and backend assume. */
  readonly access: AccessConfig;
}

/**
 * How Terraform reaches one environment (see infra/docs/deploy-access.md). The plan and apply roles are created in
 * the environment account by its deploy-access stack and granted exactly this environment's state by the state stack.
 */
export interface AccessConfig {
  /**
   * `direct`: Terraform runs with credentials of the environment account itself (the CI roles through GitHub OIDC,
   * or an administrator's session there). `assume-role`: it runs from another account, and the provider assumes
   * `assumeRoleArn` (so `allowed_account_ids` checks the identity that manages the resources).
   */
  readonly mode: 'direct' | 'assume-role';
  /** Role pull requests plan with: read-only, reads this environment's state, writes only its lock file. */
  readonly planRoleArn: string;
  /** Role the protected GitHub environment applies with: manages this environment's resources and state. */
  readonly applyRoleArn: string;
  /** Role the AWS provider assumes, in the environment account (mode `assume-role` only). */
  readonly assumeRoleArn?: string;
  /** Role the S3 backend assumes, in the state account. @default none: the caller's own credentials */
  readonly stateRoleArn?: string;
}

/** The GitHub repository whose workflows may assume the deploy roles (OIDC `sub` = `repo:<owner>/<repository>:...`). */
export interface GitHubConfig {
  readonly owner: string;
  readonly repository: string;
}

/** The whole validated configuration. */
export interface InfraConfig {
  /** Prefix of every stack and resource name, and the `project` tag. */
  readonly project: string;
  readonly state: StateConfig;
  readonly github: GitHubConfig;
  /** Environments by name, in file order. */
  readonly environments: readonly EnvironmentConfig[];
}
