export { credentialsFromEnv } from './env-credentials';
export {
  IndexMappingMismatchError,
  IndexRequestRejectedError,
  IngestionRejectedError,
  InvalidIndexRequestError,
  InvalidIngestionRequestError,
  KbIndexError,
  MissingCredentialsError,
  RetryBudgetExhaustedError,
} from './errors';
export { createHandler, type HandlerOptions, handler, type InvocationContext } from './handler';
export { buildIndexBody, EF_SEARCH, HNSW_PARAMETERS } from './index-body';
export { DEFAULT_TIMEOUT_SECONDS, parseIndexRequest } from './index-request-parser';
export {
  createIngestionHandler,
  type IngestionHandlerOptions,
  startIngestion,
} from './ingestion-handler';
export { IngestionJobStarter, type IngestionJobStarterProps } from './ingestion-job-starter';
export { DEFAULT_INGESTION_TIMEOUT_SECONDS, parseIngestionRequest } from './ingestion-request-parser';
export { NodeSha256 } from './node-sha256';
export { RetryBudget, type RetryBudgetProps } from './retry-budget';
export { SignedHttpClient, type SignedHttpClientProps } from './signed-http-client';
export type * from './types';
export { VectorIndexCreator, type VectorIndexCreatorProps } from './vector-index-creator';
