import { createApplyTimeHandler, type HandlerOptions } from './apply-time-handler';
import { parseIngestionRequest } from './ingestion-request-parser';
import { startIngestionJob } from './start-ingestion-job';
import type { IngestionRequest, IngestionResult } from './types';

/** Options for {@link createIngestionHandler}: those of the index handler, plus the idempotency token. */
export interface IngestionHandlerOptions extends HandlerOptions {
  /** @default a random UUID per invocation */
  readonly clientToken?: string;
}

/**
 * Builds the `startIngestion` entry point: validate the input, then start one ingestion job of the knowledge
 * base's data source with a request signed for service `bedrock`. The stack invokes it whenever the documents'
 * hash changes.
 */
export function createIngestionHandler(options: IngestionHandlerOptions = {}) {
  return createApplyTimeHandler<IngestionRequest, IngestionResult>(
    {
      parse: parseIngestionRequest,
      service: 'bedrock',
      onDestroy: ({ knowledgeBaseId, dataSourceId }, log) => {
        log({ level: 'INFO', message: 'destroy: no ingestion to start', knowledgeBaseId, dataSourceId });
        return { status: 'skipped', knowledgeBaseId, dataSourceId };
      },
      run: (request, tools) =>
        startIngestionJob({
          request,
          ...tools,
          ...(options.clientToken === undefined ? {} : { clientToken: options.clientToken }),
        }),
    },
    options,
  );
}

/** The deployed entry point (`index.startIngestion`). */
export const startIngestion = createIngestionHandler();
