/** An OpenAPI action group's operations as the agent calls them: what a caller (the CLI, a test) needs to know. */
import type { SchemaObject } from './openapi';

/** One input of an operation: a parameter (path, query, header) or a property of the flattened JSON body. */
export interface OperationInput {
  readonly name: string;
  readonly required: boolean;
  /** The declared `type` ('string' when none is declared). */
  readonly type: string;
  readonly description: string;
  /** The input's schema, `$ref`s resolved at its top level. */
  readonly schema: SchemaObject;
}

export interface OperationParameter extends OperationInput {
  readonly in: 'path' | 'query' | 'header';
}

/** One operation of an OpenAPI document, `$ref`s resolved. */
export interface OperationInfo {
  readonly operationId: string;
  /** Upper case, as Bedrock sends it. */
  readonly httpMethod: string;
  /** The path template as written in the schema, as Bedrock sends it. */
  readonly apiPath: string;
  readonly summary: string;
  /** Path-level then operation-level parameters, merged; cookies left out (they never reach an action group). */
  readonly parameters: readonly OperationParameter[];
  /** Present when the operation has a JSON request body. */
  readonly body?: { readonly required: boolean; readonly properties: readonly OperationInput[] };
  /** `x-requireConfirmation: ENABLED`: the agent asks the user before calling it. */
  readonly requiresConfirmation: boolean;
}
