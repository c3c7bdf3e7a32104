import type { AttributeValue, UpdateItemInput } from '@aws-sdk/client-dynamodb';
import {
  type ConditionalWriteOutcome,
  type Order,
  type OrderRepository,
  type OrderReturn,
  OrderStatus,
  OrderStoreUnavailableError,
  type ShippingAddress,
  type StoreCallOptions,
} from '../domain';
import { type Item, toAttributeValue, unmarshallItem } from './attribute-value';
import { ConditionalCheckFailedError, OrderStoreError } from './errors';
import type { DynamoDbItemClient } from './item-client';
import { toOrder } from './order-item';

export interface DynamoDbOrderRepositoryOptions {
  /** How the calls reach DynamoDB (see createDynamoDbClient). */
  readonly client: DynamoDbItemClient;
  /** The orders table: partition key `orderId` (S), no sort key. */
  readonly tableName: string;
}

/**
 * Orders in one DynamoDB table, one item per order, the return inside it. Every write is a single UpdateItem
 * whose ConditionExpression is the domain rule and the ownership (`customerId = :customerId`), so concurrent or
 * retried requests cannot break a rule or act on another customer's order; when the condition
 * fails, the order as it was (ReturnValuesOnConditionCheckFailure=ALL_OLD) goes back to the service, which
 * explains the refusal from the rules.
 */
export class DynamoDbOrderRepository implements OrderRepository {
  private readonly client: DynamoDbItemClient;
  private readonly tableName: string;

  constructor(options: DynamoDbOrderRepositoryOptions) {
    if (!options.tableName) throw new OrderStoreError('the orders table name is empty');
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async findOrder(orderId: string, options?: StoreCallOptions): Promise<Order | undefined> {
    // Strongly consistent: a customer who just started a return must see it on the next question.
    const { Item } = await this.send(() =>
      this.client.getItem(
        { TableName: this.tableName, Key: keyOf(orderId), ConsistentRead: true },
        { deadline: options?.deadline },
      ),
    );
    return Item ? toOrder(unmarshallItem(Item)) : undefined;
  }

  async addReturnIfAllowed(
    request: {
      readonly customerId: string;
      readonly orderId: string;
      readonly orderReturn: OrderReturn;
      readonly deliveredOnOrAfter: string;
    },
    options?: StoreCallOptions,
  ): Promise<ConditionalWriteOutcome<object>> {
    return this.conditionalUpdate(
      request.orderId,
      {
        UpdateExpression: 'SET #return = :return',
        ConditionExpression:
          'attribute_exists(#orderId) AND #customerId = :customerId AND #status = :delivered AND #deliveredAt >= :cutoff AND attribute_not_exists(#return)',
        ExpressionAttributeNames: {
          '#orderId': 'orderId',
          '#customerId': 'customerId',
          '#status': 'status',
          '#deliveredAt': 'deliveredAt',
          '#return': 'return',
        },
        ExpressionAttributeValues: {
          ':customerId': { S: request.customerId },
          ':return': toAttributeValue(request.orderReturn),
          ':delivered': { S: OrderStatus.DELIVERED },
          ':cutoff': { S: request.deliveredOnOrAfter },
        },
        ReturnValues: 'NONE',
      },
      options,
    );
  }

  async replaceShippingAddressIfPlaced(
    request: {
      readonly customerId: string;
      readonly orderId: string;
      readonly shippingAddress: ShippingAddress;
    },
    options?: StoreCallOptions,
  ): Promise<ConditionalWriteOutcome<{ readonly order: Order; readonly previousAddress: ShippingAddress }>> {
    const outcome = await this.conditionalUpdate(
      request.orderId,
      {
        UpdateExpression: 'SET #shippingAddress = :address',
        ConditionExpression: 'attribute_exists(#orderId) AND #customerId = :customerId AND #status = :placed',
        ExpressionAttributeNames: {
          '#orderId': 'orderId',
          '#customerId': 'customerId',
          '#status': 'status',
          '#shippingAddress': 'shippingAddress',
        },
        ExpressionAttributeValues: {
          ':customerId': { S: request.customerId },
          ':address': toAttributeValue(request.shippingAddress),
          ':placed': { S: OrderStatus.PLACED },
        },
        // The item as it was: the audit record names the fields that changed. Only the address changed, in
        // this one atomic write, so the order as it is now is that item with the new address.
        ReturnValues: 'ALL_OLD',
      },
      options,
    );
    if (!outcome.applied) return outcome;
    if (!outcome.attributes)
      throw new OrderStoreError(`UpdateItem on ${request.orderId} returned no attributes`);
    const previous = toOrder(unmarshallItem(outcome.attributes));
    return {
      applied: true,
      order: { ...previous, shippingAddress: request.shippingAddress },
      previousAddress: previous.shippingAddress,
    };
  }

  /** One conditional UpdateItem; on a failed condition, the order as it was (undefined if it does not exist). */
  private async conditionalUpdate(
    orderId: string,
    update: Omit<UpdateItemInput, 'TableName' | 'Key' | 'ReturnValuesOnConditionCheckFailure'>,
    options: StoreCallOptions | undefined,
  ): Promise<
    { applied: true; attributes: Item | undefined } | { applied: false; current: Order | undefined }
  > {
    const input: UpdateItemInput = {
      ...update,
      TableName: this.tableName,
      Key: keyOf(orderId),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    };
    try {
      const output = await this.send(() => this.client.updateItem(input, { deadline: options?.deadline }));
      return { applied: true, attributes: output.Attributes };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedError)) throw error;
      // DynamoDB sends no Item when the order does not exist; DynamoDB-compatible stores that do not support
      // ReturnValuesOnConditionCheckFailure (dynalite) never send it. A consistent read tells the same story.
      const current = error.item
        ? toOrder(unmarshallItem(error.item))
        : await this.findOrder(orderId, options);
      return { applied: false, current };
    }
  }

  /**
   * Runs one DynamoDB call and sorts its failures: a failed condition goes back to the caller, a request the service
   * rejects as malformed is a bug (internal error), anything else (network, timeout, deadline, throttling, 5xx,
   * missing table) means the order system is unavailable right now.
   */
  private async send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedError) throw error;
      if (error instanceof Error && error.name === 'ValidationException') {
        throw new OrderStoreError(`DynamoDB rejected the request: ${error.message}`, { cause: error });
      }
      throw new OrderStoreUnavailableError({ cause: error });
    }
  }
}

function keyOf(orderId: string): Record<string, AttributeValue> {
  return { orderId: { S: orderId } };
}
