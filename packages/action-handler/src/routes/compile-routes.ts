import { ContractError } from '../errors';
import type { CompileContext } from '../schema/compile-schema';
import { isRecord } from '../schema/node';
import type { OperationHandler } from '../types/router';
import { compileFunctions } from './compile-functions';
import { compileOpenApi } from './compile-openapi';
import type { CompiledRoute, CompiledRoutes } from './route';

/** A compiled route with its handler attached. */
export interface BoundRoute extends CompiledRoute {
  readonly handler: OperationHandler;
}

export interface BoundRoutes {
  readonly byPath: ReadonlyMap<string, ReadonlyMap<string, BoundRoute>>;
  readonly byFunction: ReadonlyMap<string, BoundRoute>;
}

/**
 * Compiles the schema and/or function definitions, then checks the contract: every operation has a handler
 * and every handler has an operation. Throws one ContractError listing every problem found.
 */
export function compileRoutes(schema: unknown, functions: unknown, handlers: unknown): BoundRoutes {
  const ctx: CompileContext = { root: schema, problems: [], memo: new Map() };
  const routes: CompiledRoutes = { byPath: new Map(), byFunction: new Map(), operations: [] };
  if (schema === undefined && functions === undefined) {
    ctx.problems.push(
      'give the router a "schema" (OpenAPI document), "functions" (function details), or both',
    );
  }
  if (schema !== undefined) compileOpenApi(ctx, schema, routes);
  if (functions !== undefined) compileFunctions({ ...ctx, root: undefined }, functions, routes);
  for (const route of everyRoute(routes)) {
    // Decoded inputs are assigned by name on the hot path; this one name would replace the prototype instead.
    if (route.params.fields.has('__proto__') || route.body?.fields.has('__proto__')) {
      ctx.problems.push(`${route.operation}: no parameter or body property may be named __proto__`);
    }
  }

  const table = isRecord(handlers) ? handlers : {};
  if (!isRecord(handlers))
    ctx.problems.push('"operations" must be an object of handlers keyed by operationId');
  const missingHandlers = routes.operations.filter((operation) => !Object.hasOwn(table, operation));
  const unknownHandlers = Object.keys(table).filter((name) => !routes.operations.includes(name));
  for (const operation of missingHandlers) ctx.problems.push(`operation ${operation} has no handler`);
  for (const name of unknownHandlers) ctx.problems.push(`handler ${name} matches no operation in the schema`);
  for (const operation of routes.operations) {
    if (Object.hasOwn(table, operation) && typeof table[operation] !== 'function') {
      ctx.problems.push(`the handler of ${operation} is not a function`);
    }
  }
  if (ctx.problems.length > 0) throw new ContractError(ctx.problems, missingHandlers, unknownHandlers);

  const bind = (route: CompiledRoute): BoundRoute => ({
    ...route,
    handler: table[route.operation] as OperationHandler,
  });
  const byPath = new Map<string, ReadonlyMap<string, BoundRoute>>();
  for (const [path, byMethod] of routes.byPath) {
    byPath.set(path, new Map([...byMethod].map(([method, route]) => [method, bind(route)])));
  }
  return { byPath, byFunction: new Map([...routes.byFunction].map(([name, route]) => [name, bind(route)])) };
}

function everyRoute(routes: CompiledRoutes): CompiledRoute[] {
  return [
    ...routes.byFunction.values(),
    ...[...routes.byPath.values()].flatMap((byMethod) => [...byMethod.values()]),
  ];
}
