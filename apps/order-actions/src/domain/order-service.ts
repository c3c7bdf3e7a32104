import { assertAddressChangeable } from './address-policy';
import { AuditOutcome, outcomeOfError } from './audit';
import { parseCustomerId } from './customer';
import { OrderNotFoundError, OrderOfAnotherCustomerError } from './errors';
import type { OrderRepository, StoreCallOptions } from './order-repository';
import { toOrderStatusView, toReturnView } from './order-views';
import { decideReturn, newReturn, returnCutoff } from './return-policy';
import type { AuditedOperation, OrderWriteAuditor, OrderWriteReport } from './types/audit';
import type { Order, ShippingAddress } from './types/order';
import type { InitiatedReturnView, OrderStatusView } from './types/views';
import { parseOrderId, parseReturnReason, parseShippingAddress } from './validation';

export interface OrderServiceOptions {
  readonly repository: OrderRepository;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** Per-call options of the service: the store's, plus who hears about writes. */
export interface OrderCallOptions extends StoreCallOptions {
  /**
   * Called once per write request (initiateReturn, updateShippingAddress) with its outcome, refusals included.
   * @default none (nothing is reported)
   */
  readonly audit?: OrderWriteAuditor;
}

/** Who is asking about which order. `customerId` comes from the caller's trusted channel, never from the user. */
export interface OrderRequest {
  readonly customerId: unknown;
  readonly orderId: unknown;
}

/**
 * The three order operations, independent of any agent runtime: inputs are plain values, answers are views,
 * refusals are OrderError subclasses. Every operation acts for one signed-in customer and only on that customer's
 * orders: no customer is refused before anything is read, and another customer's order is answered exactly as a
 * missing one.
 */
export class OrderService {
  private readonly repository: OrderRepository;
  private readonly clock: () => Date;

  constructor(options: OrderServiceOptions) {
    this.repository = options.repository;
    this.clock = options.clock ?? (() => new Date());
  }

  async getOrderStatus(request: OrderRequest, options?: StoreCallOptions): Promise<OrderStatusView> {
    const customerId = parseCustomerId(request.customerId);
    const id = parseOrderId(request.orderId);
    return toOrderStatusView(ownedOrder(customerId, id, await this.repository.findOrder(id, options)));
  }

  /** Starts the order's return, or answers the one that exists; see {@link decideReturn} for the rules. */
  initiateReturn(
    request: OrderRequest & { readonly reason: unknown },
    options: OrderCallOptions = {},
  ): Promise<InitiatedReturnView> {
    return audited('initiateReturn', request, options, async (customerId, id) => {
      const reason = parseReturnReason(request.reason);
      for (let attempt = 1; ; attempt++) {
        const orderReturn = newReturn(id, reason, this.clock());
        const now = new Date(orderReturn.requestedAt);
        const outcome = await this.repository.addReturnIfAllowed(
          { customerId, orderId: id, orderReturn, deliveredOnOrAfter: returnCutoff(now) },
          options,
        );
        if (outcome.applied) {
          const view = { ...toReturnView(id, orderReturn), alreadyExisted: false };
          return { view, report: { outcome: AuditOutcome.APPLIED, returnId: view.returnId } };
        }
        const decision = decideReturn(ownedOrder(customerId, id, outcome.current), now);
        if (decision.outcome === 'ALREADY_EXISTS') {
          const view = { ...toReturnView(id, decision.existing), alreadyExisted: true };
          return { view, report: { outcome: AuditOutcome.UNCHANGED, returnId: view.returnId } };
        }
        // The rules allow it now: the order changed between the refused write and the read that explains it.
        if (attempt === MAX_WRITE_ATTEMPTS) throw inconsistent('initiateReturn', id);
      }
    });
  }

  /** Replaces the shipping address while the order is PLACED; answers the order as it is now. */
  updateShippingAddress(
    request: OrderRequest & { readonly address: unknown },
    options: OrderCallOptions = {},
  ): Promise<OrderStatusView> {
    return audited('updateShippingAddress', request, options, async (customerId, id) => {
      const shippingAddress = parseShippingAddress(request.address);
      for (let attempt = 1; ; attempt++) {
        const outcome = await this.repository.replaceShippingAddressIfPlaced(
          { customerId, orderId: id, shippingAddress },
          options,
        );
        if (outcome.applied) {
          const changedFields = changedAddressFields(outcome.previousAddress, shippingAddress);
          // The same address again (a retry whose first answer was lost) writes but changes nothing.
          const applied = changedFields.length > 0 ? AuditOutcome.APPLIED : AuditOutcome.UNCHANGED;
          return { view: toOrderStatusView(outcome.order), report: { outcome: applied, changedFields } };
        }
        const current = ownedOrder(customerId, id, outcome.current);
        // This very address is in place: an earlier attempt of the same change was applied, its answer lost.
        if (changedAddressFields(current.shippingAddress, shippingAddress).length === 0) {
          return {
            view: toOrderStatusView(current),
            report: { outcome: AuditOutcome.UNCHANGED, changedFields: [] },
          };
        }
        assertAddressChangeable(current);
        // The rules allow it now: the order changed between the refused write and the read that explains it.
        if (attempt === MAX_WRITE_ATTEMPTS) throw inconsistent('updateShippingAddress', id);
      }
    });
  }
}

/**
 * Writes per request when a refused write is explained by a later read that allows it (only a store that sends no
 * old item with a refusal can see that: dynalite, or DynamoDB for an order created meanwhile).
 */
const MAX_WRITE_ATTEMPTS = 3;

const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/** The names of the address fields that differ (an absent optional part equals an empty one). */
export function changedAddressFields(
  before: ShippingAddress,
  after: ShippingAddress,
): (keyof ShippingAddress)[] {
  return ADDRESS_FIELDS.filter((field) => (before[field] ?? '') !== (after[field] ?? ''));
}

/** The order if `customerId` owns it; a missing order and another customer's are both "not found". */
function ownedOrder(customerId: string, orderId: string, order: Order | undefined): Order {
  if (!order) throw new OrderNotFoundError(orderId);
  if (order.customerId !== customerId) throw new OrderOfAnotherCustomerError(orderId);
  return order;
}

type WriteResult<T> = { view: T; report: Omit<OrderWriteReport, 'operation' | 'customerId' | 'orderId'> };

/**
 * Runs one write for the signed-in customer and reports its outcome, whatever it is, to `options.audit` exactly
 * once (an auditor must not throw). The customer is checked first: without one, nothing else is read.
 */
async function audited<T>(
  operation: AuditedOperation,
  request: OrderRequest,
  options: OrderCallOptions,
  write: (customerId: string, orderId: string) => Promise<WriteResult<T>>,
): Promise<T> {
  const who: { -readonly [K in 'customerId' | 'orderId']?: string } = {};
  let result: WriteResult<T>;
  try {
    who.customerId = parseCustomerId(request.customerId);
    who.orderId = parseOrderId(request.orderId);
    result = await write(who.customerId, who.orderId);
  } catch (error) {
    options.audit?.({ operation, ...who, ...outcomeOfError(error) });
    throw error;
  }
  options.audit?.({ operation, ...who, ...result.report });
  return result.view;
}

/** The store refused a write the rules allow: a stored value breaks the item contract. A bug, not a refusal. */
function inconsistent(operation: string, orderId: string): Error {
  return new Error(`${operation}: the store refused ${orderId} although the domain rules allow it`);
}
