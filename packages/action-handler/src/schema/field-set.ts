import { decodeValue } from './decode';
import { type FieldSet, type Issue, isRecord, MAX_ISSUES, report, setOwn } from './node';
import { validateValue } from './validate';

/**
 * Reads a Bedrock `[{ name, type, value }]` list (parameters, or flattened body properties) into an object:
 * each declared name is decoded by its schema and validated; undeclared names are ignored (or kept as sent
 * when the set is free-form); missing required names are reported.
 *
 * @returns the object, or undefined when `entries` is not a list of `{ name: string, ... }` (a malformed event)
 */
export function readFieldSet(
  set: FieldSet,
  entries: unknown,
  issues: Issue[],
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (entries === undefined || entries === null) {
    reportMissing(set, out, issues);
    return out;
  }
  if (!Array.isArray(entries)) return undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    if (!isRecord(entry) || typeof entry.name !== 'string') return undefined;
    const { name, value } = entry;
    if (value === undefined || value === null) continue;
    const node = set.fields.get(name);
    if (node === undefined) {
      if (set.keepUnknown) setOwn(out, name, value);
      continue;
    }
    if (issues.length >= MAX_ISSUES) {
      setOwn(out, name, value);
      continue;
    }
    const before = issues.length;
    const decoded = decodeValue(node, value, name, issues);
    if (issues.length === before && (node.validateDecoded || typeof value !== 'string')) {
      validateValue(node, decoded, name, issues);
    }
    out[name] = decoded; // a declared name, never "__proto__" (the contract check refuses it)
  }
  reportMissing(set, out, issues);
  return out;
}

/** For a required name the schema lists without declaring it. */
const ANY_VALUE = { allowed: 'any value' };

function reportMissing(set: FieldSet, out: Record<string, unknown>, issues: Issue[]): void {
  const required = set.required;
  for (let i = 0; i < required.length; i++) {
    const name = required[i]!;
    if (!Object.hasOwn(out, name)) {
      report(issues, name, 'is required but missing', set.fields.get(name) ?? ANY_VALUE);
    }
  }
}
