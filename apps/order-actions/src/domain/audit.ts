import {
  CustomerNotSignedInError,
  InvalidOrderInputError,
  OrderError,
  OrderNotFoundError,
  OrderOfAnotherCustomerError,
  OrderStoreUnavailableError,
} from './errors';

/** How a write request ended, as its audit record says. */
export const AuditOutcome = {
  /** The order changed. */
  APPLIED: 'APPLIED',
  /** Nothing to change: the return already existed, or this very address was already in place (a retry). */
  UNCHANGED: 'UNCHANGED',
  /** A rule refused it (not delivered, window closed, already shipped): nothing changed. */
  REFUSED: 'REFUSED',
  /** No order has the id: nothing changed. */
  NOT_FOUND: 'NOT_FOUND',
  /** The order belongs to another customer (answered exactly like NOT_FOUND): nothing changed. */
  NOT_OWNER: 'NOT_OWNER',
  /** No customer was signed in: nothing was read or changed. */
  NOT_SIGNED_IN: 'NOT_SIGNED_IN',
  /** An input broke its own rules: nothing was read or changed. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** The store failed or timed out, or a bug: the change may or may not have been applied (retrying is safe). */
  FAILED: 'FAILED',
} as const;
export type AuditOutcome = (typeof AuditOutcome)[keyof typeof AuditOutcome];

/** The outcome (and code) of a write request that ended in `error`. */
export function outcomeOfError(error: unknown): { outcome: AuditOutcome; code: string } {
  const code = error instanceof OrderError ? error.code : 'INTERNAL_ERROR';
  if (error instanceof CustomerNotSignedInError) return { outcome: AuditOutcome.NOT_SIGNED_IN, code };
  // Before OrderNotFoundError: it is one.
  if (error instanceof OrderOfAnotherCustomerError) return { outcome: AuditOutcome.NOT_OWNER, code };
  if (error instanceof OrderNotFoundError) return { outcome: AuditOutcome.NOT_FOUND, code };
  if (error instanceof InvalidOrderInputError) return { outcome: AuditOutcome.INVALID_INPUT, code };
  if (error instanceof OrderStoreUnavailableError || !(error instanceof OrderError))
    return { outcome: AuditOutcome.FAILED, code };
  return { outcome: AuditOutcome.REFUSED, code };
}
