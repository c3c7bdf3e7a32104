import { type CompileContext, compileSchema, resolveRef } from '../schema/compile-schema';
import { type FieldSet, isRecord, type SchemaNode } from '../schema/node';
import type { SchemaObject } from '../types/openapi';
import type { OperationInfo, OperationInput, OperationParameter } from '../types/operations';
import type { CompiledRoute, CompiledRoutes } from './route';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const OPERATION_ID = /^[A-Za-z0-9_-]+$/;
const PARAMETER_LOCATIONS = new Set(['path', 'query', 'header']);

/** Compiles every operation of an OpenAPI 3 document into `routes`, reporting what Bedrock or we cannot serve. */
export function compileOpenApi(ctx: CompileContext, document: unknown, routes: CompiledRoutes): void {
  if (!isRecord(document) || !isRecord(document.paths)) {
    ctx.problems.push('schema: not an OpenAPI document (it has no "paths" object)');
    return;
  }
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.')) {
    ctx.problems.push('schema: "openapi" must be a 3.x version such as "3.0.0"');
  }
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/')) ctx.problems.push(`schema: path ${path} must start with "/"`);
    if (!isRecord(item)) {
      ctx.problems.push(`schema: path ${path} must be an object`);
      continue;
    }
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!isRecord(operation)) {
        ctx.problems.push(`${where}: the operation must be an object`);
        continue;
      }
      const id = operation.operationId;
      if (typeof id !== 'string' || !OPERATION_ID.test(id)) {
        ctx.problems.push(`${where}: operationId is missing or not made of letters, digits, "_" and "-"`);
        continue;
      }
      if (routes.operations.includes(id)) ctx.problems.push(`${where}: operationId ${id} is used twice`);
      const params = compileParameters(ctx, [item.parameters, operation.parameters], where);
      const body = compileRequestBody(ctx, method, operation.requestBody, where);
      const summary = operation.summary ?? operation.description;
      const route: CompiledRoute = {
        operation: id,
        params: params.fields,
        body: body?.fields,
        info: {
          operationId: id,
          httpMethod: method.toUpperCase(),
          apiPath: path,
          summary: typeof summary === 'string' ? summary : '',
          parameters: params.inputs,
          ...(body && { body: body.info }),
          requiresConfirmation: operation['x-requireConfirmation'] === 'ENABLED',
        },
      };
      routes.operations.push(id);
      const byMethod = routes.byPath.get(path) ?? new Map<string, CompiledRoute>();
      routes.byPath.set(path, byMethod.set(method.toUpperCase(), route));
    }
  }
}

/** Path-level then operation-level parameters (the latter override by `in` + `name`), merged by name. */
function compileParameters(
  ctx: CompileContext,
  lists: unknown[],
  where: string,
): { fields: FieldSet; inputs: OperationParameter[] } {
  const byLocation = new Map<string, Record<string, unknown>>();
  for (const list of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      ctx.problems.push(`${where}: parameters must be a list`);
      continue;
    }
    for (const raw of list) {
      const parameter = resolveRef(ctx, raw, `${where} parameter`);
      if (!isRecord(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') {
        ctx.problems.push(`${where}: every parameter needs a "name" and an "in"`);
        continue;
      }
      byLocation.set(`${parameter.in} ${parameter.name}`, parameter);
    }
  }
  const fields = new Map<string, SchemaNode>();
  const inputs: OperationParameter[] = [];
  for (const parameter of byLocation.values()) {
    const name = parameter.name as string;
    const at = `${where} parameter ${name}`;
    if (!PARAMETER_LOCATIONS.has(parameter.in as string)) continue; // cookies never reach an action group
    if (fields.has(name))
      ctx.problems.push(`${at}: two parameters share this name, which Bedrock cannot tell apart`);
    fields.set(name, compileSchema(ctx, parameter.schema, at));
    const required = parameter.required === true || parameter.in === 'path';
    const input = inputOf(ctx, name, parameter.schema, required, parameter.description, at);
    inputs.push({ ...input, in: parameter.in as OperationParameter['in'] });
  }
  const required = inputs.filter((input) => input.required).map((input) => input.name);
  return { fields: { fields, required, keepUnknown: false }, inputs };
}

/** What a caller needs to know about one input; the description falls back to the schema's. */
function inputOf(
  ctx: CompileContext,
  name: string,
  rawSchema: unknown,
  required: boolean,
  description: unknown,
  where: string,
): OperationInput {
  // compileSchema has reported any broken $ref already: read it again without a second report.
  const resolved = resolveRef({ ...ctx, problems: [] }, rawSchema, where);
  const schema = (isRecord(resolved) ? resolved : {}) as SchemaObject;
  const text = typeof description === 'string' ? description : schema.description;
  return {
    name,
    required,
    type: typeof schema.type === 'string' ? schema.type : 'string',
    description: typeof text === 'string' ? text : '',
    schema,
  };
}

/** The `application/json` body schema as a flat set of properties, as Bedrock flattens it. */
function compileRequestBody(
  ctx: CompileContext,
  method: string,
  raw: unknown,
  where: string,
): { fields: FieldSet; info: NonNullable<OperationInfo['body']> } | undefined {
  if (raw === undefined) return undefined;
  if (method === 'get' || method === 'delete') {
    ctx.problems.push(`${where}: Bedrock does not allow a requestBody on ${method.toUpperCase()}`);
  }
  const requestBody = resolveRef(ctx, raw, `${where} requestBody`);
  const media =
    isRecord(requestBody) && isRecord(requestBody.content)
      ? requestBody.content['application/json']
      : undefined;
  if (!isRecord(media) || media.schema === undefined) {
    ctx.problems.push(`${where}: requestBody needs an "application/json" schema`);
    return {
      fields: { fields: new Map(), required: [], keepUnknown: true },
      info: { required: false, properties: [] },
    };
  }
  const node = compileSchema(ctx, media.schema, `${where} requestBody`);
  if (node.type !== undefined && node.type !== 'object') {
    ctx.problems.push(`${where}: the requestBody schema must be an object (Bedrock sends its properties)`);
  }
  const schema = resolveRef(ctx, media.schema, `${where} requestBody`);
  const declared = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
  const properties = Object.entries(declared).map(([name, property]) =>
    inputOf(ctx, name, property, node.required.includes(name), undefined, `${where} property ${name}`),
  );
  return {
    fields: {
      fields: node.properties ?? new Map(),
      required: node.required,
      keepUnknown: node.properties === undefined,
    },
    info: { required: isRecord(requestBody) && requestBody.required === true, properties },
  };
}
