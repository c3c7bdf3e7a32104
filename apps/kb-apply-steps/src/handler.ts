import { createApplyTimeHandler, type HandlerOptions } from './apply-time-handler';
import { ensureVectorIndex, type SettleOptions } from './ensure-vector-index';
import { parseIndexRequest } from './index-request-parser';
import type { IndexRequest, IndexResult } from './types';

export type { HandlerOptions, InvocationContext } from './apply-time-handler';

/** Builds the Lambda handler: validate the input, then create the index or confirm that it exists. */
export function createHandler(options: HandlerOptions & { readonly settle?: SettleOptions } = {}) {
  return createApplyTimeHandler<IndexRequest, IndexResult>(
    {
      parse: parseIndexRequest,
      onDestroy: (request, log) => {
        log({
          level: 'INFO',
          message: 'destroy: index left in place, it goes with its collection',
          index: request.indexName,
        });
        return { status: 'retained', index: request.indexName };
      },
      run: (request, tools) =>
        ensureVectorIndex({
          request,
          ...tools,
          ...(options.settle === undefined ? {} : { settle: options.settle }),
        }),
    },
    options,
  );
}

/** The deployed entry point (`index.handler`). */
export const handler = createHandler();
