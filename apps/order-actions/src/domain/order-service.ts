import { assertAddressChangeable } from './address-policy';
import { OrderNotFoundError } from './errors';
import type { OrderRepository, StoreCallOptions } from './order-repository';
import { toOrderStatusView, toReturnView } from './order-views';
import { decideReturn, newReturn, returnCutoff } from './return-policy';
import type { Order } from './types/order';
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
    const orderReturn = newReturn(id, parseReturnReason(reason), this.clock());
    const now = new Date(orderReturn.requestedAt);
    const outcome = await this.repository.addReturnIfAllowed(
      { orderId: id, orderReturn, deliveredOnOrAfter: returnCutoff(now) },
      options,
    );
    if (outcome.applied) return { ...toReturnView(id, orderReturn), alreadyExisted: false };
    const decision = decideReturn(existing(id, outcome.current), now);
    if (decision.outcome === 'ALREADY_EXISTS')
      return { ...toReturnView(id, decision.existing), alreadyExisted: true };
    throw inconsistent('initiateReturn', id);
  }

  /** Replaces the shipping address while the order is PLACED; answers the order as it is now. */
  async updateShippingAddress(
    orderId: unknown,
    address: unknown,
    options?: StoreCallOptions,
  ): Promise<OrderStatusView> {
    const id = parseOrderId(orderId);
    const shippingAddress = parseShippingAddress(address);
    const outcome = await this.repository.replaceShippingAddressIfPlaced(
      { orderId: id, shippingAddress },
      options,
    );
    if (outcome.applied) return toOrderStatusView(outcome.order);
    assertAddressChangeable(existing(id, outcome.current));
    throw inconsistent('updateShippingAddress', id);
  }
}

function existing(orderId: string, order: Order | undefined): Order {
  if (!order) throw new OrderNotFoundError(orderId);
  return order;
}

/** The store refused a write the rules allow: a stored value breaks the item contract. A bug, not a refusal. */
function inconsistent(operation: string, orderId: string): Error {
  return new Error(`${operation}: the store refused ${orderId} although the domain rules allow it`);
}
