import { type ActionRequest, createLogger } from '@order-agent/action-handler';
import type { AuditedOperation, AuditOutcome, OrderWriteAuditor, OrderWriteReport } from './domain';

/** Where audit records go: a Powertools Logger, or anything with its `info(message, attributes)`. */
export interface AuditLogger {
  info(message: string, attributes: Record<string, unknown>): void;
}

/** The log item's message and the key that holds the record, so a log query can find every audit record. */
export const AUDIT_MESSAGE = 'order audit record';
export const AUDIT_KEY = 'audit';

/**
 * One audit record: what happened to one write request (initiateReturn, updateShippingAddress), refusals
 * included. Every key is always present (null when it does not apply), so the schema is the same for every
 * record; version 1 is documented in the README ("Audit trail").
 */
export interface AuditRecord {
  readonly schemaVersion: 1;
  /** When the outcome was known (ISO 8601, UTC). */
  readonly time: string;
  /** The Lambda request id (context.awsRequestId). */
  readonly requestId: string | null;
  readonly agentId: string | null;
  readonly agentAliasId: string | null;
  readonly sessionId: string | null;
  /** The signed-in customer (session attribute customerId); null when none was. */
  readonly customerId: string | null;
  /** null when the order id was not valid. */
  readonly orderId: string | null;
  readonly operation: AuditedOperation;
  readonly outcome: AuditOutcome;
  /** The error code of a refusal or failure (e.g. ORDER_NOT_DELIVERED); null when APPLIED or UNCHANGED. */
  readonly reason: string | null;
  /** updateShippingAddress: names of the address fields the write changed (never their values); else null. */
  readonly changedFields: readonly string[] | null;
  /** initiateReturn: the return's id when one exists afterwards; else null. */
  readonly returnId: string | null;
}

/**
 * The logger audit records go to: INFO whatever POWERTOOLS_LOG_LEVEL says (that level filters diagnostics; an
 * audit trail must not depend on it), unless it is SILENT (no output at all, as the tests run).
 */
export function defaultAuditLogger(): AuditLogger {
  let logger: AuditLogger | undefined;
  return {
    info(message, attributes) {
      logger ??= auditLoggerNow();
      logger.info(message, attributes);
    },
  };
}

/**
 * The Powertools Logger, made on the first record (most requests write none). Should it fail to load (a deployment
 * package without dist/powertools-logger.js), the record still goes out, as one JSON line on stdout.
 */
function auditLoggerNow(): AuditLogger {
  const logLevel = auditLogLevel();
  try {
    return createLogger({ serviceName: 'order-actions', logLevel });
  } catch {
    if (logLevel === 'SILENT') return { info() {} };
    return {
      info(message, attributes) {
        const line = {
          level: 'INFO',
          message,
          timestamp: new Date().toISOString(),
          service: 'order-actions',
        };
        process.stdout.write(`${JSON.stringify({ ...line, ...attributes })}\n`);
      },
    };
  }
}

function auditLogLevel() {
  return process.env.POWERTOOLS_LOG_LEVEL?.toUpperCase() === 'SILENT' ? 'SILENT' : 'INFO';
}

/** The auditor for one request: adds where the request came from and writes one record through `logger`. */
export function auditorFor(logger: AuditLogger, request: ActionRequest): OrderWriteAuditor {
  return (report) => {
    try {
      logger.info(AUDIT_MESSAGE, { [AUDIT_KEY]: toAuditRecord(report, request) });
    } catch {
      // A failing logger must not turn an applied change into an error answer (the change is done).
    }
  };
}

const MAX_CHARS = 200;

export function toAuditRecord(
  report: OrderWriteReport,
  request: Pick<ActionRequest, 'event' | 'context'>,
): AuditRecord {
  const event = request.event as unknown as Record<string, unknown>;
  const agent = (typeof event.agent === 'object' && event.agent !== null ? event.agent : {}) as Record<
    string,
    unknown
  >;
  return {
    schemaVersion: 1,
    time: new Date().toISOString(),
    requestId: text(request.context?.awsRequestId),
    agentId: text(agent.id),
    agentAliasId: text(agent.alias),
    sessionId: text(event.sessionId),
    customerId: report.customerId ?? null,
    orderId: report.orderId ?? null,
    operation: report.operation,
    outcome: report.outcome,
    reason: report.code ?? null,
    changedFields: report.operation === 'updateShippingAddress' ? [...(report.changedFields ?? [])] : null,
    returnId: report.returnId ?? null,
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, MAX_CHARS) : null;
}
