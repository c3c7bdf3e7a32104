import type { SchemaObject } from '../types/openapi';
import { FORMATS } from './formats';
import { count, echo, type KeywordCheck, report } from './node';
import type { CompileContext } from './resolve-ref';

function numberKeyword(ctx: CompileContext, schema: SchemaObject, key: keyof SchemaObject, where: string) {
  const value = schema[key];
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  ctx.problems.push(`${where}: ${String(key)} must be a number`);
  return undefined;
}

/** Counts code points, as JSON Schema lengths do (an emoji is one character, two UTF-16 units). */
function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) i++;
  }
  return count;
}

function compilePattern(ctx: CompileContext, pattern: unknown, where: string): RegExp | undefined {
  if (typeof pattern !== 'string') {
    ctx.problems.push(`${where}: pattern must be a string`);
    return undefined;
  }
  for (const flags of ['u', '']) {
    try {
      return new RegExp(pattern, flags);
    } catch {
      // try without the unicode flag, which rejects some escapes older patterns use
    }
  }
  ctx.problems.push(`${where}: pattern ${pattern} is not a valid regular expression`);
  return undefined;
}

/** Builds the checks for the keywords present on a schema, once; the hot path only runs them. */
export function compileChecks(ctx: CompileContext, schema: SchemaObject, where: string): KeywordCheck[] {
  const checks: KeywordCheck[] = [];
  const minLength = numberKeyword(ctx, schema, 'minLength', where);
  const maxLength = numberKeyword(ctx, schema, 'maxLength', where);
  if (minLength !== undefined || maxLength !== undefined) {
    checks.push((value, field, issues, node) => {
      if (typeof value !== 'string') return true;
      // UTF-16 units >= code points >= units / 2: the unit count usually decides without a pass over the text.
      const units = value.length;
      if (
        (maxLength === undefined || units <= maxLength) &&
        (minLength === undefined || units >= 2 * minLength)
      ) {
        return true;
      }
      const length = codePointCount(value);
      if (minLength !== undefined && length < minLength) {
        return report(
          issues,
          field,
          `is too short: ${count(length, 'character')}, at least ${minLength} needed`,
          node,
        );
      }
      if (maxLength !== undefined && length > maxLength) {
        return report(
          issues,
          field,
          `is too long: ${count(length, 'character')}, at most ${maxLength} allowed`,
          node,
        );
      }
      return true;
    });
  }
  const pattern = schema.pattern === undefined ? undefined : compilePattern(ctx, schema.pattern, where);
  if (pattern !== undefined) {
    checks.push(
      (value, field, issues, node) =>
        typeof value !== 'string' ||
        pattern.test(value) ||
        report(issues, field, `does not match the pattern ${schema.pattern} (got ${echo(value)})`, node),
    );
  }
  const format =
    typeof schema.format === 'string' && Object.hasOwn(FORMATS, schema.format)
      ? FORMATS[schema.format]
      : undefined;
  if (format !== undefined) {
    checks.push(
      (value, field, issues, node) =>
        typeof value !== 'string' ||
        format.test(value) ||
        report(issues, field, `is not ${format.allowed} (got ${echo(value)})`, node),
    );
  }
  const minimum = numberKeyword(ctx, schema, 'minimum', where);
  const maximum = numberKeyword(ctx, schema, 'maximum', where);
  if (minimum !== undefined || maximum !== undefined) {
    const exclusiveMin = schema.exclusiveMinimum === true;
    const exclusiveMax = schema.exclusiveMaximum === true;
    checks.push((value, field, issues, node) => {
      if (typeof value !== 'number') return true;
      if (minimum !== undefined && (exclusiveMin ? value <= minimum : value < minimum)) {
        return report(
          issues,
          field,
          `is ${value}, below the minimum of ${minimum}${exclusiveMin ? ' (exclusive)' : ''}`,
          node,
        );
      }
      if (maximum !== undefined && (exclusiveMax ? value >= maximum : value > maximum)) {
        return report(
          issues,
          field,
          `is ${value}, above the maximum of ${maximum}${exclusiveMax ? ' (exclusive)' : ''}`,
          node,
        );
      }
      return true;
    });
  }
  const minItems = numberKeyword(ctx, schema, 'minItems', where);
  const maxItems = numberKeyword(ctx, schema, 'maxItems', where);
  if (minItems !== undefined || maxItems !== undefined) {
    checks.push((value, field, issues, node) => {
      if (!Array.isArray(value)) return true;
      if (minItems !== undefined && value.length < minItems) {
        return report(issues, field, `has ${count(value.length, 'item')}, at least ${minItems} needed`, node);
      }
      if (maxItems !== undefined && value.length > maxItems) {
        return report(issues, field, `has ${count(value.length, 'item')}, at most ${maxItems} allowed`, node);
      }
      return true;
    });
  }
  if (
    Array.isArray(schema.enum) &&
    schema.enum.every((option) => option === null || typeof option !== 'object')
  ) {
    const options = new Set<unknown>(schema.enum);
    checks.push(
      (value, field, issues, node) =>
        options.has(value) || report(issues, field, `is not an allowed value (got ${echo(value)})`, node),
    );
  }
  return checks;
}
