import { ContractError } from '../errors';
import type { CompileContext } from '../schema/resolve-ref';
import type { OperationInfo } from '../types/operations';
import { compileOpenApi } from './compile-openapi';
import type { CompiledRoutes } from './route';

/**
 * The operations of an OpenAPI action-group schema, read exactly as the router reads them (`$ref`s resolved,
 * path-level parameters merged): for callers that build events or show what an agent can call. Throws a
 * ContractError naming every problem when the router could not serve the document.
 */
export function listOperations(document: unknown): OperationInfo[] {
  const ctx: CompileContext = { root: document, problems: [], memo: new Map() };
  const routes: CompiledRoutes = { byPath: new Map(), byFunction: new Map(), operations: [] };
  compileOpenApi(ctx, document, routes);
  if (ctx.problems.length > 0) throw new ContractError(ctx.problems);
  return [...routes.byPath.values()].flatMap((byMethod) =>
    [...byMethod.values()].flatMap((route) => (route.info ? [route.info] : [])),
  );
}
