import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemInput,
  UpdateItemCommand,
  type UpdateItemInput,
} from '@aws-sdk/client-dynamodb';
import {
  ConditionalCheckFailedError,
  type DynamoDbItemClient,
  type ItemCallOptions,
} from '@order-agent/order-actions/store';

/**
 * The order repository's two calls on an AWS SDK v3 `DynamoDBClient`: the SDK build the cold-start suite measures
 * beside the Lambda's own client (apps/order-actions/src/store/dynamodb-http-client.ts).
 */
export class SdkItemClient implements DynamoDbItemClient {
  constructor(private readonly client: DynamoDBClient) {}

  async getItem(input: GetItemInput, options?: ItemCallOptions) {
    return this.client.send(new GetItemCommand(input), { abortSignal: signalFor(options) });
  }

  async updateItem(input: UpdateItemInput, options?: ItemCallOptions) {
    try {
      return await this.client.send(new UpdateItemCommand(input), { abortSignal: signalFor(options) });
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConditionalCheckFailedError(error.Item, { cause: error });
      throw error;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** The SDK takes the time budget as an abort signal. */
function signalFor(options: ItemCallOptions | undefined): AbortSignal | undefined {
  return options?.deadline === undefined
    ? undefined
    : AbortSignal.timeout(Math.max(0, options.deadline - Date.now()));
}
