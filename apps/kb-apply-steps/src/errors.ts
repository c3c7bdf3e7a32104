/**
 * Errors of the index step. Each message is one readable line: Terraform shows it as the reason the
 * `aws_lambda_invocation` failed.
 */
export class KbIndexError extends Error {
  constructor(message: string) {
    super(`kb-index: ${message}`);
    this.name = new.target.name;
  }
}

/** The invocation input is missing fields or holds wrong values; every problem is listed. */
export class InvalidIndexRequestError extends KbIndexError {
  constructor(readonly problems: readonly string[]) {
    super(`invalid input: ${problems.join('; ')}`);
  }
}

/** No AWS credentials in the environment (Lambda always provides them; elsewhere set the AWS_* variables). */
export class MissingCredentialsError extends KbIndexError {
  constructor() {
    super('no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set');
  }
}

/** The collection answered with an error that retrying cannot fix (a bad mapping, a wrong index name…). */
export class IndexRequestRejectedError extends KbIndexError {
  constructor(
    readonly step: string,
    readonly status: number,
    readonly reason: string,
  ) {
    super(`${step} failed with HTTP ${status}: ${reason}`);
  }
}

/** Retryable failures (403 while the data access policy propagates, 5xx, connection errors) outlasted the budget. */
export class RetryBudgetExhaustedError extends KbIndexError {
  constructor(
    readonly step: string,
    readonly attempts: number,
    readonly elapsedMs: number,
    readonly lastFailure: string,
    /** What to check when access stays denied. */
    forbiddenHint = "check that the collection data access policy names this function's role",
  ) {
    super(
      `${step} still failing after ${attempts} attempts over ${Math.round(elapsedMs / 1000)}s; last: ${lastFailure}` +
        (lastFailure.startsWith('HTTP 403') ? ` (${forbiddenHint})` : ''),
    );
  }
}

/** An index of that name exists but cannot serve the knowledge base (wrong field type, dimension or engine). */
export class IndexMappingMismatchError extends KbIndexError {
  constructor(
    readonly index: string,
    readonly problems: readonly string[],
  ) {
    super(
      `index "${index}" exists with an incompatible mapping: ${problems.join('; ')}. ` +
        'Delete it or choose another index name.',
    );
  }
}

/** The `startIngestion` input is missing fields or holds wrong values; every problem is listed. */
export class InvalidIngestionRequestError extends KbIndexError {
  constructor(readonly problems: readonly string[]) {
    super(`invalid ingestion input: ${problems.join('; ')}`);
  }
}

/** The Bedrock Agent API refused to start the job for a reason retrying cannot fix (no such data source...). */
export class IngestionRejectedError extends KbIndexError {
  constructor(
    readonly status: number,
    readonly errorType: string,
    readonly reason: string,
  ) {
    super(`start ingestion job failed with HTTP ${status}: ${errorType}: ${reason}`);
  }
}
