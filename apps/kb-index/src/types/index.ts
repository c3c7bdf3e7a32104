export type { CredentialSource, HttpAnswer, HttpMethod, LogEntry, LogSink, SigningCredentials } from './http';
export type { IndexRequest, LifecycleAction, RawIndexRequest } from './index-request';
export type { IndexResult, IndexStatus } from './index-result';
