import type { AuditOutcome } from '../audit';
import type { ShippingAddress } from './order';

/** The operations that change an order, and so are audited. */
export type AuditedOperation = 'initiateReturn' | 'updateShippingAddress';

/**
 * What the order service reports about one write request, whatever its outcome. The adapter adds where the
 * request came from (request id, agent, session) and writes the audit record.
 */
export interface OrderWriteReport {
  readonly operation: AuditedOperation;
  /** Absent when no customer was signed in. */
  readonly customerId?: string;
  /** Absent when the order id was not valid. */
  readonly orderId?: string;
  readonly outcome: AuditOutcome;
  /** The refusal's or failure's code (e.g. ORDER_NOT_DELIVERED); absent for APPLIED and UNCHANGED. */
  readonly code?: string;
  /** updateShippingAddress: the address fields the write changed (names only, never the old values). */
  readonly changedFields?: readonly (keyof ShippingAddress)[];
  /** initiateReturn, when a return exists afterwards. */
  readonly returnId?: string;
}

/** Receives one report per write request; called once, after the outcome is known. */
export type OrderWriteAuditor = (report: OrderWriteReport) => void;
