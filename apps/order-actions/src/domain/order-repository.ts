import type { Order, OrderReturn, ShippingAddress } from './types/order';

/** Per-call options every repository method honours. */
export interface StoreCallOptions {
  /**
   * When the call must have been answered, in epoch milliseconds (`Date.now()`): the caller's time budget. A call
   * still unanswered then fails with OrderStoreUnavailableError.
   * @default no deadline (the store's own timeouts and retries bound the call)
   */
  readonly deadline?: number;
}

/**
 * What happened to a conditional write. `current` is the order as it was when the condition failed, whoever owns
 * it (the service explains the refusal, and treats another customer's order as missing).
 */
export type ConditionalWriteOutcome<TDone> =
  | ({ readonly applied: true } & TDone)
  | { readonly applied: false; readonly current: Order | undefined };

/**
 * The port the order service needs from a store. Writes are conditional and atomic: the store applies the rule,
 * including that the order belongs to `customerId`, and the write in one step, so concurrent or retried calls
 * cannot break a rule or touch another customer's order; when the condition fails it returns the order as it
 * was, and the service explains why from the domain rules.
 * Failures to reach the store are reported as OrderStoreUnavailableError.
 */
export interface OrderRepository {
  /** The order with this id, whoever owns it (the service checks ownership before answering anything). */
  findOrder(orderId: string, options?: StoreCallOptions): Promise<Order | undefined>;

  /**
   * Stores `orderReturn` in the order only if the order exists, belongs to `customerId`, is DELIVERED, was
   * delivered at or after `deliveredOnOrAfter`, and has no return yet.
   */
  addReturnIfAllowed(
    request: {
      readonly customerId: string;
      readonly orderId: string;
      readonly orderReturn: OrderReturn;
      readonly deliveredOnOrAfter: string;
    },
    options?: StoreCallOptions,
  ): Promise<ConditionalWriteOutcome<object>>;

  /**
   * Replaces the shipping address only if the order exists, belongs to `customerId` and is PLACED; answers the
   * order as it is now and the address it had before.
   */
  replaceShippingAddressIfPlaced(
    request: {
      readonly customerId: string;
      readonly orderId: string;
      readonly shippingAddress: ShippingAddress;
    },
    options?: StoreCallOptions,
  ): Promise<ConditionalWriteOutcome<{ readonly order: Order; readonly previousAddress: ShippingAddress }>>;
}
