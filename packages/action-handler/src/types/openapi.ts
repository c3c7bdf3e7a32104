/**
 * The subset of an OpenAPI 3.0 document the router reads: paths, operations, parameters, the
 * `application/json` request body and local `#/components/...` references. Anything else is allowed and ignored.
 */

/** A local reference such as `#/components/schemas/Address`. */
export interface ReferenceObject {
  readonly $ref: string;
}

/**
 * `(string & {})` keeps autocompletion while letting a JSON-imported document (whose literals widen to `string`)
 * type-check without a cast; unknown values are reported by the router's contract check.
 */
export type SchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | (string & {});

/** The JSON Schema keywords the validator honours (others are ignored). */
export interface SchemaObject {
  readonly type?: SchemaType;
  readonly description?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  /** OpenAPI 3.0 style: a boolean that makes `minimum` exclusive. */
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly items?: SchemaObject | ReferenceObject;
  readonly properties?: Readonly<Record<string, SchemaObject | ReferenceObject>>;
  readonly required?: readonly string[];
  readonly [extension: string]: unknown;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie' | (string & {});

export interface ParameterObject {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly description?: string;
  readonly required?: boolean;
  readonly schema?: SchemaObject | ReferenceObject;
}

export interface MediaTypeObject {
  readonly schema?: SchemaObject | ReferenceObject;
}

export interface RequestBodyObject {
  readonly description?: string;
  readonly required?: boolean;
  readonly content: Readonly<Record<string, MediaTypeObject>>;
}

export interface OperationObject {
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly parameters?: readonly (ParameterObject | ReferenceObject)[];
  readonly requestBody?: RequestBodyObject | ReferenceObject;
  readonly responses?: Readonly<Record<string, unknown>>;
  readonly 'x-requireConfirmation'?: string;
  readonly [extension: string]: unknown;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export type PathItemObject = {
  readonly parameters?: readonly (ParameterObject | ReferenceObject)[];
} & { readonly [M in HttpMethod]?: OperationObject };

export interface ComponentsObject {
  readonly schemas?: Readonly<Record<string, SchemaObject | ReferenceObject>>;
  readonly parameters?: Readonly<Record<string, ParameterObject | ReferenceObject>>;
  readonly requestBodies?: Readonly<Record<string, RequestBodyObject | ReferenceObject>>;
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info?: { readonly title?: string; readonly version?: string; readonly description?: string };
  readonly paths: Readonly<Record<string, PathItemObject>>;
  readonly components?: ComponentsObject;
}
