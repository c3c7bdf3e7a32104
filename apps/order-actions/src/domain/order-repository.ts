import type { Order, OrderReturn, ShippingAddress } from './types/order';

/** Per-call options every repository method honours. */
export interface StoreCallOptions {
  /** Aborts the call (the caller's time budget); an aborted call fails with OrderStoreUnavailableError. */
  readonly signal?: AbortSignal;
}

/** What happened to a conditional write. `current` is the order as it was when the condition failed. */
export type ConditionalWriteOutcome<TDone> =
  | ({ readonly applied: true } & TDone)
  | { readonly applied: false; readonly current: Order | undefined };

/**
 * The port the order service needs from a store. Writes are conditional and atomic: the store applies the rule
 * and the write in one step, so concurrent calls cannot break a rule; when the condition fails it returns the
 * order as it was, and the service explains why from the domain rules.
 * Failures to reach the store are reported as OrderStoreUnavailableError.
 */
export interface OrderRepository {
  findOrder(orderId: string, options?: StoreCallOptions): Promise<Order | undefined>;

  /**
   * Stores `orderReturn` in the order only if the order exists, is DELIVERED, was delivered at or after
   * `deliveredOnOrAfter`, and has no return yet.
   */
  addReturnIfAllowed(
    request: {
      readonly orderId: string;
      readonly orderReturn: OrderReturn;
      readonly deliveredOnOrAfter: string;
    },
    options?: StoreCallOptions,
  ): Promise<ConditionalWriteOutcome<object>>;

  /** Replaces the shipping address only if the order exists and is PLACED; answers the updated order. */
  replaceShippingAddressIfPlaced(
    request: { readonly orderId: string; readonly shippingAddress: ShippingAddress },
    options?: StoreCallOptions,
  ): Promise<ConditionalWriteOutcome<{ readonly order: Order }>>;
}
