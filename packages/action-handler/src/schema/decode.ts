import { echo, type Issue, isRecord, report, type SchemaNode, setOwn } from './node';

/**
 * Decodes the string values Bedrock sends into the schema's declared types:
 * - integer/number: "42", "-1.5", "1e3" (not "4x", "", "NaN", "Infinity", "0x10");
 * - boolean: "true"/"false" in any case;
 * - array: JSON (`["a","b"]`) or a bracketed list (`[a, b]`);
 * - object: JSON (`{"a":1}`) or `{key=value, other=value}`;
 * and recursively inside arrays and objects. What cannot be decoded gets an issue; the raw value is returned.
 */
export function decodeValue(
  node: SchemaNode | undefined,
  raw: unknown,
  field: string,
  issues: Issue[],
): unknown {
  if (node === undefined) return raw;
  switch (node.type) {
    case 'integer':
    case 'number':
      return typeof raw === 'string' ? decodeNumber(node, raw, field, issues) : raw;
    case 'boolean':
      return typeof raw === 'string' ? decodeBoolean(node, raw, field, issues) : raw;
    case 'array':
      return decodeArray(node, raw, field, issues);
    case 'object':
      return decodeObject(node, raw, field, issues);
    default:
      return raw;
  }
}

/** "0x1f", "0b1", "0o7": Number() reads them, a user never means them. */
const RADIX_LITERAL = /^0[xbo]/i;

/** A decimal number, or NaN: Number() alone would also read "" and "  " as 0, and radix literals. */
function toNumber(raw: string): number {
  const text = raw.trim();
  if (text === '' || RADIX_LITERAL.test(text)) return Number.NaN;
  return Number(text);
}

function decodeNumber(node: SchemaNode, raw: string, field: string, issues: Issue[]): unknown {
  const value = toNumber(raw);
  if (!Number.isFinite(value)) {
    report(
      issues,
      field,
      `must be ${node.type === 'integer' ? 'an integer' : 'a number'} (got ${echo(raw)})`,
      node,
    );
    return raw;
  }
  if (node.type === 'integer' && !Number.isSafeInteger(value)) {
    const problem = Number.isInteger(value)
      ? 'is too large to be an exact integer'
      : 'must be a whole number';
    report(issues, field, `${problem} (got ${echo(raw)})`, node);
    return raw;
  }
  return value;
}

function decodeBoolean(node: SchemaNode, raw: string, field: string, issues: Issue[]): unknown {
  const text = raw.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  report(issues, field, `must be true or false (got ${echo(raw)})`, node);
  return raw;
}

function decodeArray(node: SchemaNode, raw: unknown, field: string, issues: Issue[]): unknown {
  const list = typeof raw === 'string' ? parseList(raw) : raw;
  if (list === undefined) {
    report(issues, field, `must be a list such as ["a","b"] or [a, b] (got ${echo(raw)})`, node);
    return raw;
  }
  if (!Array.isArray(list) || node.items === undefined) return list;
  const items = node.items;
  return list.map((element, index) => decodeValue(items, element, `${field}[${index}]`, issues));
}

function decodeObject(node: SchemaNode, raw: unknown, field: string, issues: Issue[]): unknown {
  const map = typeof raw === 'string' ? parseMap(raw) : raw;
  if (map === undefined) {
    report(
      issues,
      field,
      `must be an object such as {"key":"value"} or {key=value} (got ${echo(raw)})`,
      node,
    );
    return raw;
  }
  if (!isRecord(map) || node.properties === undefined) return map;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    setOwn(out, key, decodeValue(node.properties.get(key), map[key], `${field}.${key}`, issues));
  }
  return out;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `["a","b"]` as JSON, else `[a, b]` as a bracketed list of strings. */
function parseList(raw: string): unknown[] | undefined {
  const text = raw.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const json = tryJson(text);
  if (Array.isArray(json)) return json;
  const inner = text.slice(1, -1).trim();
  return inner === '' ? [] : splitTopLevel(inner).map(unquote);
}

/** `{"a":1}` as JSON, else `{key=value, other=value}` with string values (decoded later by the schema). */
function parseMap(raw: string): Record<string, unknown> | undefined {
  const text = raw.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  const json = tryJson(text);
  if (isRecord(json)) return json;
  const inner = text.slice(1, -1).trim();
  const out: Record<string, unknown> = {};
  if (inner === '') return out;
  for (const entry of splitTopLevel(inner)) {
    const equals = entry.indexOf('=');
    if (equals <= 0) return undefined;
    setOwn(out, unquote(entry.slice(0, equals)), unquote(entry.slice(equals + 1)));
  }
  return out;
}

/** Splits on commas outside brackets, braces and double quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' && text[i - 1] !== '\\') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Trims, then removes one pair of matching surrounding quotes. */
function unquote(part: string): string {
  const text = part.trim();
  const first = text[0];
  if (text.length >= 2 && (first === '"' || first === "'") && text.endsWith(first)) return text.slice(1, -1);
  return text;
}
