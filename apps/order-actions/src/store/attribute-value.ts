import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * A small JSON <-> DynamoDB AttributeValue converter for the plain data orders hold (strings, finite numbers,
 * booleans, null, lists, maps). It stands in for `@aws-sdk/util-dynamodb` / `lib-dynamodb` to keep the Lambda
 * bundle small. `undefined` map entries are left out; sets and binary are not used by this table.
 */
export type Item = Record<string, AttributeValue>;

export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'boolean':
      return { BOOL: value };
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot store the number ${value}`);
      return { N: String(value) };
    case 'object':
      if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
      return { M: marshallItem(value as Record<string, unknown>) };
    default:
      throw new TypeError(`cannot store a value of type ${typeof value}`);
  }
}

export function marshallItem(record: Readonly<Record<string, unknown>>): Item {
  // fromEntries (not assignment) so that a key such as "__proto__" stays an ordinary key.
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, toAttributeValue(value)]),
  );
}

export function fromAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(fromAttributeValue);
  if (value.M !== undefined) return unmarshallItem(value.M);
  throw new TypeError(`unsupported attribute value type ${Object.keys(value).join(',') || '(empty)'}`);
}

export function unmarshallItem(item: Readonly<Item>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([key, value]) => [key, fromAttributeValue(value)]));
}
