import { assertAddressChangeable } from './address-policy';
import { OrderNotFoundError } from './errors';
import type { OrderRepository, StoreCallOptions } from './order-repository';
import { toOrderStatusView, toReturnView } from './order-views';
import { decideReturn, newReturn, returnCutoff } from './return-policy';
import type { Order, ShippingAddress } from './types/order';
import type { InitiatedReturnView, OrderStatusView } from './types/views';
import { parseOrderId, parseReturnReason, parseShippingAddress } from './validation';

export interface OrderServiceOptions {
  readonly repository: OrderRepository;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/**
 * The three order operations, independent of any agent runtime: inputs are plain values, answers are views,
 * refusals are OrderError subclasses.
 */
export class OrderService {
  private readonly repository: OrderRepository;
  private readonly clock: () => Date;

  constructor(options: OrderServiceOptions) {
    this.repository = options.repository;
    this.clock = options.clock ?? (() => new Date());
  }

  async getOrderStatus(orderId: unknown, options?: StoreCallOptions): Promise<OrderStatusView> {
    const id = parseOrderId(orderId);
    const order = await this.repository.findOrder(id, options);
    if (!order) throw new OrderNotFoundError(id);
    return toOrderStatusView(order);
  }

  /** Starts the order's return, or answers the one that exists; see {@link decideReturn} for the rules. */
  async initiateReturn(
    orderId: unknown,
    reason: unknown,
    options?: StoreCallOptions,
  ): Promise<InitiatedReturnView> {
    const id = parseOrderId(orderId);
    const validReason = parseReturnReason(reason);
    for (let attempt = 1; ; attempt++) {
      const orderReturn = newReturn(id, validReason, this.clock());
      const now = new Date(orderReturn.requestedAt);
      const outcome = await this.repository.addReturnIfAllowed(
        { orderId: id, orderReturn, deliveredOnOrAfter: returnCutoff(now) },
        options,
      );
      if (outcome.applied) return { ...toReturnView(id, orderReturn), alreadyExisted: false };
      const decision = decideReturn(existing(id, outcome.current), now);
      if (decision.outcome === 'ALREADY_EXISTS')
        return { ...toReturnView(id, decision.existing), alreadyExisted: true };
      // The rules allow it now: the order changed between the refused write and the read that explains it.
      if (attempt === MAX_WRITE_ATTEMPTS) throw inconsistent('initiateReturn', id);
    }
  }

  /** Replaces the shipping address while the order is PLACED; answers the order as it is now. */
  async updateShippingAddress(
    orderId: unknown,
    address: unknown,
    options?: StoreCallOptions,
  ): Promise<OrderStatusView> {
    const id = parseOrderId(orderId);
    const shippingAddress = parseShippingAddress(address);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.repository.replaceShippingAddressIfPlaced(
        { orderId: id, shippingAddress },
        options,
      );
      if (outcome.applied) return toOrderStatusView(outcome.order);
      const current = existing(id, outcome.current);
      // This very address is in place: an earlier attempt of the same change was applied, its answer lost.
      if (isSameAddress(current.shippingAddress, shippingAddress)) return toOrderStatusView(current);
      assertAddressChangeable(current);
      // The rules allow it now: the order changed between the refused write and the read that explains it.
      if (attempt === MAX_WRITE_ATTEMPTS) throw inconsistent('updateShippingAddress', id);
    }
  }
}

/**
 * Writes per request when a refused write is explained by a later read that allows it (only a store that sends no
 * old item with a refusal can see that: dynalite, or DynamoDB for an order created meanwhile).
 */
const MAX_WRITE_ATTEMPTS = 3;

const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

function isSameAddress(a: ShippingAddress, b: ShippingAddress): boolean {
  return ADDRESS_FIELDS.every((field) => (a[field] ?? '') === (b[field] ?? ''));
}

function existing(orderId: string, order: Order | undefined): Order {
  if (!order) throw new OrderNotFoundError(orderId);
  return order;
}

/** The store refused a write the rules allow: a stored value breaks the item contract. A bug, not a refusal. */
function inconsistent(operation: string, orderId: string): Error {
  return new Error(`${operation}: the store refused ${orderId} although the domain rules allow it`);
}
