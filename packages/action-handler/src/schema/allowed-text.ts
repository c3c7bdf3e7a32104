import type { SchemaObject } from '../types/openapi';
import { FORMATS } from './formats';
import { count, type SchemaNode } from './node';

/** " of 1 to 500 characters", " of at least 1 item"... ('' when unbounded). */
function range(min: number | undefined, max: number | undefined, noun: string): string {
  if (min !== undefined && max !== undefined) {
    return min === max ? ` of exactly ${count(min, noun)}` : ` of ${min} to ${count(max, noun)}`;
  }
  if (min !== undefined) return ` of at least ${count(min, noun)}`;
  if (max !== undefined) return ` of at most ${count(max, noun)}`;
  return '';
}

function bounds(schema: SchemaObject): string {
  const parts: string[] = [];
  if (schema.minimum !== undefined) {
    parts.push(`${schema.exclusiveMinimum === true ? 'greater than' : 'at least'} ${schema.minimum}`);
  }
  if (schema.maximum !== undefined) {
    parts.push(`${schema.exclusiveMaximum === true ? 'less than' : 'at most'} ${schema.maximum}`);
  }
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

function allowedStringText(schema: SchemaObject): string {
  const format =
    schema.format !== undefined && Object.hasOwn(FORMATS, schema.format) ? FORMATS[schema.format] : undefined;
  let text = format?.allowed ?? 'a string';
  text += range(schema.minLength, schema.maxLength, 'character');
  if (schema.pattern !== undefined) text += ` matching ${schema.pattern}`;
  return text;
}

/**
 * What a schema allows, in words the model can relay to the user, e.g.
 * "a string of 1 to 500 characters" or "an integer at least 1 and at most 10".
 */
export function allowedText(schema: SchemaObject, items: SchemaNode | undefined): string {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  let text: string;
  switch (schema.type) {
    case 'string':
      text = allowedStringText(schema);
      break;
    case 'integer':
      text = `an integer${bounds(schema)}`;
      break;
    case 'number':
      text = `a number${bounds(schema)}`;
      break;
    case 'boolean':
      text = 'true or false';
      break;
    case 'array':
      text = `a list${range(schema.minItems, schema.maxItems, 'item')}`;
      if (items !== undefined && items.type !== undefined) text += `, each ${items.allowed}`;
      break;
    case 'object': {
      const required = schema.required ?? [];
      text = required.length > 0 ? `an object with ${required.join(', ')}` : 'an object';
      break;
    }
    default:
      text = 'any value';
  }
  return schema.nullable === true ? `${text}, or null` : text;
}
