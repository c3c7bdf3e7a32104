/** The methods the index and ingestion steps send. */
export type HttpMethod = 'HEAD' | 'GET' | 'PUT' | 'POST';

/** A collection's answer, body read as text. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  /** The `x-amzn-errortype` header of an AWS REST-JSON error answer, when present. */
  readonly errorType?: string;
}

/** AWS credentials used to sign requests. */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Resolves credentials at signing time (Lambda's environment credentials can be refreshed between invocations). */
export type CredentialSource = () => Promise<SigningCredentials>;

/** One structured log line. */
export interface LogEntry {
  readonly level: 'INFO' | 'WARN';
  readonly message: string;
  readonly [key: string]: unknown;
}

export type LogSink = (entry: LogEntry) => void;
