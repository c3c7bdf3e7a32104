import { echo, type Issue, isRecord, MAX_ISSUES, report, type SchemaNode } from './node';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return true;
  }
}

/**
 * Validates an already decoded value against its compiled schema. Reports the first broken keyword of each
 * field (type first), then descends into array items and object properties. Returns false when it reported.
 */
export function validateValue(node: SchemaNode, value: unknown, field: string, issues: Issue[]): boolean {
  if (value === null) {
    return node.nullable || node.type === undefined || report(issues, field, 'must not be null', node);
  }
  if (node.type !== undefined && !hasType(node.type, value)) {
    return report(issues, field, `must be ${TYPE_NAMES[node.type]} (got ${echo(value)})`, node);
  }
  const checks = node.checks;
  for (let i = 0; i < checks.length; i++) {
    if (!checks[i]!(value, field, issues, node)) return false;
  }
  let valid = true;
  if (node.items !== undefined && Array.isArray(value)) {
    for (let i = 0; i < value.length && issues.length < MAX_ISSUES; i++) {
      valid = validateValue(node.items, value[i], `${field}[${i}]`, issues) && valid;
    }
  } else if (node.properties !== undefined && isRecord(value)) {
    valid = validateProperties(node, value, field, issues);
  }
  return valid;
}

function validateProperties(
  node: SchemaNode,
  value: Record<string, unknown>,
  field: string,
  issues: Issue[],
): boolean {
  let valid = true;
  for (const name of node.required) {
    if (value[name] === undefined || !Object.hasOwn(value, name)) {
      const property = node.properties?.get(name) ?? node;
      valid = report(issues, `${field}.${name}`, 'is required but missing', property);
    }
  }
  for (const [name, property] of node.properties ?? []) {
    if (issues.length >= MAX_ISSUES) return false;
    if (Object.hasOwn(value, name) && value[name] !== undefined) {
      valid = validateValue(property, value[name], `${field}.${name}`, issues) && valid;
    }
  }
  return valid;
}
