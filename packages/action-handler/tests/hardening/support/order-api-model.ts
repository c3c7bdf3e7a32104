import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionSchema, OpenApiDocument } from '../../../src';

/** The real order API, read from the repository as the Lambda bundle and the infrastructure read it. */
export const orderApi = JSON.parse(
  readFileSync(join(__dirname, '../../../../../schemas/order-management-api.json'), 'utf8'),
) as OpenApiDocument;

/** The constraints of one string field, as the schema declares them. */
export interface FieldModel {
  readonly name: string;
  readonly required: boolean;
  readonly type: string;
  readonly pattern?: RegExp;
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** One operation of the schema, flattened to what an event carries. */
export interface OperationModel {
  readonly operationId: string;
  readonly apiPath: string;
  readonly httpMethod: string;
  readonly params: readonly FieldModel[];
  /** Undefined when the operation has no requestBody. */
  readonly body: readonly FieldModel[] | undefined;
}

type Json = Record<string, unknown>;

function resolveRef(node: unknown): Json {
  let current = node as Json;
  for (let depth = 0; typeof current?.$ref === 'string' && depth < 10; depth++) {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    current = path.reduce<unknown>((at, key) => (at as Json)[key], orderApi) as Json;
  }
  return current;
}

function fieldOf(name: string, schemaNode: unknown, required: boolean): FieldModel {
  const schema = resolveRef(schemaNode);
  return {
    name,
    required,
    type: String(schema.type ?? 'string'),
    ...(typeof schema.pattern === 'string' ? { pattern: new RegExp(schema.pattern) } : {}),
    ...(typeof schema.minLength === 'number' ? { minLength: schema.minLength } : {}),
    ...(typeof schema.maxLength === 'number' ? { maxLength: schema.maxLength } : {}),
  };
}

/** Every operation of the schema: its path, method, parameters and flattened body properties. */
export const orderOperations: readonly OperationModel[] = Object.entries(orderApi.paths).flatMap(
  ([apiPath, item]) =>
    Object.entries(item as Json).flatMap(([method, operationNode]) => {
      const operation = operationNode as Json;
      if (typeof operation?.operationId !== 'string') return [];
      const params = ((operation.parameters as unknown[]) ?? []).map((p) => {
        const parameter = resolveRef(p);
        return fieldOf(String(parameter.name), parameter.schema, parameter.required === true);
      });
      const requestBody = operation.requestBody ? resolveRef(operation.requestBody) : undefined;
      const bodySchema = requestBody
        ? resolveRef(
            (requestBody.content as Json)['application/json'] &&
              ((requestBody.content as Json)['application/json'] as Json).schema,
          )
        : undefined;
      const required = new Set((bodySchema?.required as string[]) ?? []);
      const body = bodySchema
        ? Object.entries((bodySchema.properties as Json) ?? {}).map(([name, node]) =>
            fieldOf(name, node, required.has(name)),
          )
        : undefined;
      return [
        { operationId: operation.operationId, apiPath, httpMethod: method.toUpperCase(), params, body },
      ];
    }),
);

/**
 * The same operations as a function-details action group (Bedrock's functionSchema): one function per
 * operationId, its path parameters and body properties as string parameters, required as in the schema.
 */
export const orderFunctions: FunctionSchema = orderOperations.map((operation) => ({
  name: operation.operationId,
  description: `${operation.operationId} as a function`,
  parameters: Object.fromEntries(
    [...operation.params, ...(operation.body ?? [])].map((field) => [
      field.name,
      { type: 'string', description: field.name, required: field.required },
    ]),
  ),
}));
