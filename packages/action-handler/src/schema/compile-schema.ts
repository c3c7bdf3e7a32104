import type { SchemaObject } from '../types/openapi';
import { allowedText } from './allowed-text';
import { compileChecks } from './keyword-checks';
import { isRecord, type SchemaNode } from './node';
import { type CompileContext, resolveRef } from './resolve-ref';

export { type CompileContext, resolveRef } from './resolve-ref';

const KNOWN_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

function anyNode(): SchemaNode {
  return {
    type: undefined,
    nullable: false,
    allowed: 'any value',
    checks: [],
    validateDecoded: false,
    properties: undefined,
    required: [],
    items: undefined,
  };
}

/** Compiles a schema (or `$ref`) once into a node the decoder and validator walk on every request. */
export function compileSchema(ctx: CompileContext, raw: unknown, where: string): SchemaNode {
  const schema = resolveRef(ctx, raw, where);
  if (!isRecord(schema)) {
    if (schema !== undefined) ctx.problems.push(`${where}: a schema must be an object`);
    return anyNode();
  }
  const known = ctx.memo.get(schema);
  if (known !== undefined) return known;
  const node = anyNode();
  ctx.memo.set(schema, node);
  const typed = schema as SchemaObject;
  if (typed.type !== undefined && !KNOWN_TYPES.has(typed.type)) {
    ctx.problems.push(`${where}: unsupported type ${JSON.stringify(typed.type)}`);
  } else {
    node.type = typed.type;
  }
  node.nullable = typed.nullable === true;
  if (typed.items !== undefined) node.items = compileSchema(ctx, typed.items, `${where}.items`);
  if (isRecord(typed.properties)) {
    node.properties = new Map();
    for (const [name, property] of Object.entries(typed.properties)) {
      node.properties.set(name, compileSchema(ctx, property, `${where}.${name}`));
    }
    node.required = Array.isArray(typed.required)
      ? typed.required.filter((name) => typeof name === 'string')
      : [];
  }
  node.checks = compileChecks(ctx, typed, where);
  node.validateDecoded = node.checks.length > 0 || node.type === 'array' || node.type === 'object';
  node.allowed = allowedText(typed, node.items);
  return node;
}
