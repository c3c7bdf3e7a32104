// Value rules shared by the configuration parser and the constructs' own prop validation.
import type { KnowledgeBaseConfig, ModelInvocationLoggingConfig } from './types';

/** Retention values CloudWatch Logs accepts (0, "never expire", is deliberately not offered). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
/** Lower-case, starts with a letter, short enough for every resource name it prefixes. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,14}[a-z0-9]$/;
/** A foundation model id (`provider.model-version:n`) or a system inference profile id (`us.provider.model`). */
export const MODEL_ID_PATTERN = /^([a-z]{2,6}(-gov)?\.)?[a-z0-9-]+\.[a-z0-9][a-z0-9.:-]*$/;
/** S3 bucket naming rules: 3-63 characters, lower case, digits, dots and hyphens, alphanumeric at both ends. */
export const BUCKET_NAME_PATTERN = /^(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Tag values: letters, digits, spaces and `_.:/=+-@`, at most 256 characters. */
export const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,256}$/u;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An IAM role ARN without a path; groups: partition, account, role name. */
export const ROLE_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/([\w+=,.@-]{1,64})$/;
/** A standard SNS topic: `arn:<partition>:sns:<region>:<account>:<name>`; group 1 is the region. */
export const SNS_TOPIC_ARN_PATTERN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:[\w-]{1,256}$/;
/** An Amazon Q Developer in chat (AWS Chatbot) channel configuration, as AWS User Notifications accepts it. */
export const CHAT_CONFIGURATION_ARN_PATTERN =
  /^arn:aws[a-z-]*:chatbot::\d{12}:chat-configuration\/[\w/.@:-]+$/;
/** Names of Bedrock agent resources (agent, alias, action group, knowledge base): letters, digits, single `-_`. */
export const BEDROCK_NAME_PATTERN = /^([0-9a-zA-Z][_-]?){1,100}$/;
/** Names of guardrail denied topics. */
export const DENIED_TOPIC_NAME_PATTERN = /^[\w !?.-]{1,100}$/;

/** An inclusive integer range, with the unit its messages name. */
export interface IntegerLimit {
  readonly min: number;
  readonly max: number;
  /** @default - no unit */
  readonly unit?: string;
}

/** Seconds an apply-time Lambda keeps, beyond its step's own time budget, to report why the step failed. */
export const APPLY_STEP_REPORTING_SECONDS = 30;

/**
 * Every integer range the configuration reader and the constructs check, in one place: AWS's limits, and where
 * noted, ours. A key the configuration adds with a range gets its entry here.
 */
export const LIMITS = {
  lambdaMemoryMb: { min: 128, max: 10_240, unit: 'MB' },
  lambdaTimeoutSeconds: { min: 1, max: 900, unit: 'seconds' },
  /** Ours: the time budget of an apply-time step, so its Lambda's timeout stays within Lambda's limit. */
  applyStepTimeoutSeconds: { min: 1, max: 900 - APPLY_STEP_REPORTING_SECONDS, unit: 'seconds' },
  agentIdleSessionTtlSeconds: { min: 60, max: 3600, unit: 'seconds' },
  agentInstructionCharacters: { min: 40, max: 4000, unit: 'characters' },
  chunkMaxTokens: { min: 1, max: 8192, unit: 'tokens' },
  chunkOverlapPercentage: { min: 1, max: 99, unit: 'percent' },
  /** OpenSearch's limit for a FAISS `knn_vector` field. */
  vectorDimensions: { min: 1, max: 16_000 },
  noncurrentVersionExpirationDays: { min: 1, max: 3650, unit: 'days' },
  /** Ours: an alarm threshold is a count of events in one period. */
  alarmThreshold: { min: 1, max: 1_000_000 },
  /** CloudWatch periods of a minute or more, at most one day (a multiple of 60 is checked apart). */
  alarmPeriodSeconds: { min: 60, max: 86_400, unit: 'seconds' },
  alarmEvaluationPeriods: { min: 1, max: 100 },
  guardrailDeniedTopics: { min: 0, max: 30 },
  deniedTopicDefinitionCharacters: { min: 1, max: 200, unit: 'characters' },
  deniedTopicExamples: { min: 0, max: 5 },
  deniedTopicExampleCharacters: { min: 0, max: 100, unit: 'characters' },
} as const satisfies Record<string, IntegerLimit>;

/** Prefixes of the system-defined cross-region inference profiles. */
const INFERENCE_PROFILE_PREFIX = /^(us|eu|apac|us-gov|jp|au|ca|global)\./;

export function isLogRetentionDays(value: number): boolean {
  return (LOG_RETENTION_DAYS as readonly number[]).includes(value);
}

export function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Whether `value` is an integer within `limit`. */
export function isWithin(value: unknown, limit: IntegerLimit): value is number {
  return isIntegerBetween(value, limit.min, limit.max);
}

/** Splits a model id into the inference profile (if any) and the foundation model it routes to. */
export function parseModelId(modelId: string): {
  readonly inferenceProfileId?: string;
  readonly foundationModelId: string;
} {
  const prefix = INFERENCE_PROFILE_PREFIX.exec(modelId);
  if (prefix === null) return { foundationModelId: modelId };
  return { inferenceProfileId: modelId, foundationModelId: modelId.slice(prefix[0].length) };
}

/**
 * Vector lengths of the Bedrock embedding models whose sizes are known here; a model not listed accepts any
 * dimension from 1 to MAX_VECTOR_DIMENSIONS (check its documentation).
 */
export const EMBEDDING_MODEL_DIMENSIONS: Readonly<Record<string, readonly number[]>> = {
  'amazon.titan-embed-text-v2:0': [256, 512, 1024],
  'amazon.titan-embed-text-v1': [1536],
  'cohere.embed-english-v3': [1024],
  'cohere.embed-multilingual-v3': [1024],
};
/** OpenSearch's limit for a FAISS `knn_vector` field. */
export const MAX_VECTOR_DIMENSIONS = LIMITS.vectorDimensions.max;

/** Why `dimensions` cannot be used with the embedding model, or undefined when it can. */
export function embeddingDimensionsProblem(modelId: string, dimensions: number): string | undefined {
  const known = EMBEDDING_MODEL_DIMENSIONS[modelId];
  if (known !== undefined && !known.includes(dimensions)) {
    return `${modelId} returns vectors of ${known.join(', ')} dimensions, not ${dimensions}`;
  }
  if (!isWithin(dimensions, LIMITS.vectorDimensions)) {
    return `the dimensions must be an integer from 1 to ${MAX_VECTOR_DIMENSIONS}`;
  }
  return undefined;
}

/** What an environment's knowledge base uses for every setting its configuration leaves out. */
export const KNOWLEDGE_BASE_DEFAULTS: KnowledgeBaseConfig = {
  embeddingModelId: 'amazon.titan-embed-text-v2:0',
  embeddingDimensions: 1024,
  chunkMaxTokens: 300,
  chunkOverlapPercentage: 20,
  standbyReplicas: 'ENABLED',
};

/** Model invocation logging unless an environment turns it on (one per account and region: opt-in). */
export const MODEL_INVOCATION_LOGGING_DEFAULTS: ModelInvocationLoggingConfig = {
  enabled: false,
  retentionDays: 30,
};
