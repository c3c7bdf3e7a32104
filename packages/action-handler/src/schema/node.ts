/** Internal: a schema compiled once, in the router's constructor, into what each request needs. */
import type { ParameterIssue } from '../types/issues';

export type Issue = ParameterIssue;

/**
 * A keyword check, compiled once: pushes an issue and returns false when the value breaks it; returns true for
 * values the keyword does not apply to (e.g. `pattern` on a number).
 */
export type KeywordCheck = (value: unknown, field: string, issues: Issue[], node: SchemaNode) => boolean;

export interface SchemaNode {
  /** The declared `type`; undefined means any JSON value. */
  type: string | undefined;
  nullable: boolean;
  /** Human description of what is allowed, computed once. */
  allowed: string;
  /** Checks for the keywords present on this node, in the order they run; only the first failure is reported. */
  checks: KeywordCheck[];
  /**
   * False when decoding a string already proves the value valid (a keyword-free string, number, integer or
   * boolean): the hot path then skips the validator.
   */
  validateDecoded: boolean;
  /** Declared object properties (undefined: a free-form object). */
  properties: Map<string, SchemaNode> | undefined;
  required: readonly string[];
  items: SchemaNode | undefined;
}

/** A flat set of named inputs: an operation's parameters, or its flattened body properties. */
export interface FieldSet {
  readonly fields: Map<string, SchemaNode>;
  readonly required: readonly string[];
  /** Keep undeclared names too (a body schema without `properties`). */
  readonly keepUnknown: boolean;
}

/** Stop collecting after this many issues: the answer stays small and huge inputs stay cheap. */
export const MAX_ISSUES = 10;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Assigns an own property even for `__proto__`, so decoded input can never change an object's prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

const MAX_ECHO_CHARS = 40;

/** A short rendering of a received value for messages; never serialises more than a few characters. */
export function echo(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > MAX_ECHO_CHARS
      ? `${JSON.stringify(value.slice(0, MAX_ECHO_CHARS))}…`
      : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `a list of ${count(value.length, 'item')}`;
  if (value === null) return 'null';
  if (typeof value === 'object' || typeof value === 'function') return `an ${typeof value}`;
  return String(value);
}

/** "1 character", "2 characters". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Records an issue (up to MAX_ISSUES) and returns false, so checks can `return report(...)`. */
export function report(
  issues: Issue[],
  field: string,
  problem: string,
  node: Pick<SchemaNode, 'allowed'>,
): false {
  if (issues.length < MAX_ISSUES) {
    issues.push({
      field,
      message: `'${field}' ${problem}. Allowed: ${node.allowed}.`,
      allowed: node.allowed,
    });
  }
  return false;
}
