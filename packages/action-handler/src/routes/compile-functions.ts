import { type CompileContext, compileSchema } from '../schema/compile-schema';
import { isRecord, type SchemaNode } from '../schema/node';
import type { CompiledRoutes } from './route';

const FUNCTION_PARAMETER_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array']);

/** Compiles a function-details definition (Bedrock's `functionSchema.functions`) into `routes`. */
export function compileFunctions(ctx: CompileContext, functions: unknown, routes: CompiledRoutes): void {
  if (!Array.isArray(functions)) {
    ctx.problems.push('functions: must be a list of { name, description, parameters }');
    return;
  }
  for (const definition of functions) {
    if (!isRecord(definition) || typeof definition.name !== 'string' || definition.name === '') {
      ctx.problems.push('functions: every function needs a non-empty "name"');
      continue;
    }
    const name = definition.name;
    if (routes.byFunction.has(name)) ctx.problems.push(`function ${name}: defined twice`);
    const fields = new Map<string, SchemaNode>();
    const required: string[] = [];
    const parameters = definition.parameters ?? {};
    if (!isRecord(parameters)) ctx.problems.push(`function ${name}: parameters must be an object`);
    for (const [parameterName, parameter] of Object.entries(isRecord(parameters) ? parameters : {})) {
      const where = `function ${name} parameter ${parameterName}`;
      if (
        !isRecord(parameter) ||
        typeof parameter.type !== 'string' ||
        !FUNCTION_PARAMETER_TYPES.has(parameter.type)
      ) {
        ctx.problems.push(`${where}: type must be one of ${[...FUNCTION_PARAMETER_TYPES].join(', ')}`);
        continue;
      }
      fields.set(parameterName, compileSchema(ctx, { type: parameter.type }, where));
      if (parameter.required === true) required.push(parameterName);
    }
    routes.byFunction.set(name, {
      operation: name,
      params: { fields, required, keepUnknown: false },
      body: undefined,
    });
    if (!routes.operations.includes(name)) routes.operations.push(name);
  }
}
