import { CliError, ConfigError, ErrorKind, oneLine, toCliError } from '../errors';

/** Bedrock Agent's modelled errors, worded for knowledge bases; anything else goes through the CLI's mapping. */
export function toSyncError(error: unknown): CliError {
  if (!(error instanceof Error)) return toCliError(error);
  const detail = oneLine(error.message || error.name);
  const requestId = (error as { $metadata?: { requestId?: string } }).$metadata?.requestId;
  const suffix = requestId ? ` (request id ${requestId})` : '';
  switch (error.name) {
    case 'ResourceNotFoundException':
      return new ConfigError(`knowledge base or data source not found: ${detail}${suffix}`, { cause: error });
    case 'ConflictException':
      return new CliError(
        ErrorKind.FAILURE,
        `the data source is busy (ConflictException): ${detail}${suffix}`,
        { cause: error },
      );
    case 'ServiceQuotaExceededException':
      return new CliError(
        ErrorKind.THROTTLED,
        `ingestion job quota reached (${error.name}): ${detail}${suffix}`,
        { cause: error },
      );
  }
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET' || code === 'ETIMEDOUT') {
    return new CliError(ErrorKind.FAILURE, `cannot reach the Bedrock Agent endpoint (${code}): ${detail}`, {
      cause: error,
    });
  }
  return toCliError(error);
}
