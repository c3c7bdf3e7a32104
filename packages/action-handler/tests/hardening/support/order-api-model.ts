import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FunctionSchema, listOperations, type OpenApiDocument, type OperationInput } from '../../../src';

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

function fieldOf(input: OperationInput): FieldModel {
  const { schema } = input;
  return {
    name: input.name,
    required: input.required,
    type: input.type,
    ...(typeof schema.pattern === 'string' ? { pattern: new RegExp(schema.pattern) } : {}),
    ...(typeof schema.minLength === 'number' ? { minLength: schema.minLength } : {}),
    ...(typeof schema.maxLength === 'number' ? { maxLength: schema.maxLength } : {}),
  };
}

/** Every operation of the schema: its path, method, parameters and flattened body properties. */
export const orderOperations: readonly OperationModel[] = listOperations(orderApi).map((operation) => ({
  operationId: operation.operationId,
  apiPath: operation.apiPath,
  httpMethod: operation.httpMethod,
  params: operation.parameters.map(fieldOf),
  body: operation.body?.properties.map(fieldOf),
}));

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
