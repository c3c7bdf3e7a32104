import type { FieldSet } from '../schema/node';
import type { OperationInfo } from '../types/operations';

/** Internal: one operation (or function), compiled in the constructor. */
export interface CompiledRoute {
  /** The operationId or function name: the key of its handler. */
  readonly operation: string;
  /** Path, query and header parameters merged by name (or the function's parameters). */
  readonly params: FieldSet;
  /** The flattened JSON body's properties; undefined when the operation has no requestBody. */
  readonly body: FieldSet | undefined;
  /** What a caller needs to know about an OpenAPI operation (undefined for functions). */
  readonly info?: OperationInfo;
}

/** Internal: every route of a router, before handlers are attached. */
export interface CompiledRoutes {
  /** apiPath template → upper-case HTTP method → route. */
  readonly byPath: Map<string, Map<string, CompiledRoute>>;
  /** Function name → route. */
  readonly byFunction: Map<string, CompiledRoute>;
  /** Every operationId and function name, in schema order. */
  readonly operations: string[];
}
