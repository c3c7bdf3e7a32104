import type { Logger } from '@aws-lambda-powertools/logger';
import type { BedrockAgentEvent, LambdaContextLike } from './types/events';
import type { ActionRequest, OperationShape } from './types/router';

/**
 * What a handler receives. A class rather than an object literal so that `logger` is one getter on the prototype:
 * the router makes its logger on first use (most requests log nothing), and a getter written in a per-request literal
 * halved the router's throughput (docs/benchmarks.md, handler overhead).
 */
export class RoutedRequest<Op extends OperationShape = OperationShape> implements ActionRequest<Op> {
  readonly #logger: () => Logger;

  constructor(
    readonly params: Op['params'],
    readonly body: Op['body'],
    readonly operation: string,
    readonly event: BedrockAgentEvent,
    readonly context: LambdaContextLike | undefined,
    readonly sessionAttributes: Record<string, string>,
    readonly promptSessionAttributes: Record<string, string>,
    logger: () => Logger,
  ) {
    this.#logger = logger;
  }

  get logger(): Logger {
    return this.#logger();
  }
}
