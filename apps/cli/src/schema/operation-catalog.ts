import orderManagementApi from '@order-agent/schemas/order-management-api.json';

export const ParameterLocation = { PATH: 'path', QUERY: 'query', HEADER: 'header' } as const;
export type ParameterLocation = (typeof ParameterLocation)[keyof typeof ParameterLocation];

export interface OperationParameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly type: string;
  readonly description: string;
}

export interface BodyProperty {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

/** One operation of an action group's OpenAPI schema, reduced to what the CLI needs. */
export interface OperationInfo {
  readonly operationId: string;
  /** Upper case, as Bedrock sends it. */
  readonly httpMethod: string;
  /** The path template as written in the schema, as Bedrock sends it. */
  readonly apiPath: string;
  readonly summary: string;
  readonly parameters: readonly OperationParameter[];
  /** Present when the operation has a JSON request body. */
  readonly body?: { readonly required: boolean; readonly properties: readonly BodyProperty[] };
  readonly requiresConfirmation: boolean;
}

interface SchemaObject {
  type?: string;
  description?: string;
  required?: string[];
  properties?: Record<string, SchemaObject>;
}
interface RawOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  'x-requireConfirmation'?: string;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: SchemaObject;
  }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: SchemaObject }> };
}
interface RawDocument {
  paths?: Record<string, Record<string, RawOperation>>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Looks operations of an OpenAPI 3.0 action-group schema up by operationId or by Bedrock's (verb, apiPath). */
export class OperationCatalog {
  private readonly byId = new Map<string, OperationInfo>();

  private constructor(operations: OperationInfo[]) {
    for (const operation of operations) this.byId.set(operation.operationId, operation);
  }

  /** The order API this repository ships (schemas/order-management-api.json). */
  static orderManagement(): OperationCatalog {
    return OperationCatalog.fromDocument(orderManagementApi);
  }

  static fromDocument(document: unknown): OperationCatalog {
    const raw = document as RawDocument;
    const operations: OperationInfo[] = [];
    for (const [apiPath, pathItem] of Object.entries(raw.paths ?? {})) {
      for (const [method, operation] of Object.entries(pathItem)) {
        if (!HTTP_METHODS.has(method) || !operation.operationId) continue;
        operations.push(toOperationInfo(apiPath, method, operation));
      }
    }
    return new OperationCatalog(operations);
  }

  list(): OperationInfo[] {
    return [...this.byId.values()];
  }

  get(operationId: string): OperationInfo | undefined {
    return this.byId.get(operationId);
  }

  findByRoute(httpMethod: string | undefined, apiPath: string | undefined): OperationInfo | undefined {
    if (!httpMethod || !apiPath) return undefined;
    const verb = httpMethod.toUpperCase();
    return this.list().find((operation) => operation.httpMethod === verb && operation.apiPath === apiPath);
  }

  /** The name to show for a call: the operationId when known, else the function name or `VERB /path`. */
  nameFor(call: { httpMethod?: string; apiPath?: string; functionName?: string }): string {
    const known = this.findByRoute(call.httpMethod, call.apiPath);
    if (known) return known.operationId;
    if (call.functionName) return call.functionName;
    return `${(call.httpMethod ?? '?').toUpperCase()} ${call.apiPath ?? '?'}`;
  }
}

function toOperationInfo(apiPath: string, method: string, operation: RawOperation): OperationInfo {
  const parameters = (operation.parameters ?? [])
    .filter((parameter) => parameter.in === 'path' || parameter.in === 'query' || parameter.in === 'header')
    .map((parameter) => ({
      name: parameter.name,
      in: parameter.in as ParameterLocation,
      required: parameter.required === true || parameter.in === 'path',
      type: parameter.schema?.type ?? 'string',
      description: parameter.description ?? '',
    }));
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const required = new Set(bodySchema?.required ?? []);
  const body = bodySchema
    ? {
        required: operation.requestBody?.required === true,
        properties: Object.entries(bodySchema.properties ?? {}).map(([name, property]) => ({
          name,
          type: property.type ?? 'string',
          required: required.has(name),
          description: property.description ?? '',
        })),
      }
    : undefined;
  return {
    operationId: operation.operationId ?? '',
    httpMethod: method.toUpperCase(),
    apiPath,
    summary: operation.summary ?? operation.description ?? '',
    parameters,
    ...(body ? { body } : {}),
    requiresConfirmation: operation['x-requireConfirmation'] === 'ENABLED',
  };
}
