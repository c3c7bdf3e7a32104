export { type EnsureVectorIndexProps, ensureVectorIndex } from './ensure-vector-index';
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
export { DEFAULT_INGESTION_TIMEOUT_SECONDS, parseIngestionRequest } from './ingestion-request-parser';
export { type Attempt, type RetryOptions, retryBecause, retryWithinBudget, succeeded } from './retry';
export { RetryBudget, type RetryBudgetProps } from './retry-budget';
export { createSignedSender, type SendRequest, type SignedSenderProps } from './signed-sender';
export { type StartIngestionJobProps, startIngestionJob } from './start-ingestion-job';
export type * from './types';
