// Value rules shared by the configuration parser and the constructs' own prop validation.
import type { KnowledgeBaseConfig } from './types';

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

/** Prefixes of the system-defined cross-region inference profiles. */
const INFERENCE_PROFILE_PREFIX = /^(us|eu|apac|us-gov|jp|au|ca|global)\./;

export function isLogRetentionDays(value: number): boolean {
  return (LOG_RETENTION_DAYS as readonly number[]).includes(value);
}

export function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
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
export const MAX_VECTOR_DIMENSIONS = 16_000;

/** Why `dimensions` cannot be used with the embedding model, or undefined when it can. */
export function embeddingDimensionsProblem(modelId: string, dimensions: number): string | undefined {
  const known = EMBEDDING_MODEL_DIMENSIONS[modelId];
  if (known !== undefined && !known.includes(dimensions)) {
    return `${modelId} returns vectors of ${known.join(', ')} dimensions, not ${dimensions}`;
  }
  if (!isIntegerBetween(dimensions, 1, MAX_VECTOR_DIMENSIONS)) {
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
