export type { CredentialSource, HttpAnswer, HttpMethod, LogEntry, LogSink, SigningCredentials } from './http';
export type { IndexRequest, LifecycleAction, RawIndexRequest } from './index-request';
export type { IndexResult, IndexStatus } from './index-result';
export type { IngestionRequest, RawIngestionRequest } from './ingestion-request';
export type { IngestionResult } from './ingestion-result';
