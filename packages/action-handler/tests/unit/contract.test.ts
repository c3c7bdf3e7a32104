import { ActionRouter, ContractError, type OpenApiDocument, type OperationHandler } from '../../src';
import { catalogApi, orderFunctions } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

const ok: OperationHandler = () => ({ body: {} });

/** Builds a router from untyped options (as JavaScript callers or drifting code would) and returns the error. */
function contractError(options: Record<string, unknown>): ContractError {
  try {
    new ActionRouter({ logger: silentLogger(), ...options } as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('the router was built');
}

/** A one-operation document with the given operation object at GET /x. */
function oneOperation(
  operation: Record<string, unknown>,
  extra: Partial<OpenApiDocument> = {},
): OpenApiDocument {
  return {
    openapi: '3.0.0',
    paths: { '/x': { get: { description: 'X.', responses: {}, ...operation } } },
    ...extra,
  };
}

describe('contract check in the constructor', () => {
  it('names every operationId without a handler', () => {
    const error = contractError({ schema: catalogApi, operations: { getItem: ok, search: ok } });
    expect(error.missingHandlers).toEqual(['updateItem', 'deleteItem', 'placeOrder']);
    expect(error.message).toContain('operation updateItem has no handler');
    expect(error.message).toContain('operation deleteItem has no handler');
    expect(error.message).toContain('operation placeOrder has no handler');
  });

  it('names every handler without an operation', () => {
    const operations = {
      getItem: ok,
      updateItem: ok,
      deleteItem: ok,
      search: ok,
      placeOrder: ok,
      cancelOrder: ok,
      refund: ok,
    };
    const error = contractError({ schema: catalogApi, operations });
    expect(error.unknownHandlers).toEqual(['cancelOrder', 'refund']);
    expect(error.problems).toEqual([
      'handler cancelOrder matches no operation in the schema',
      'handler refund matches no operation in the schema',
    ]);
  });

  it('reports both directions together, in one error', () => {
    const error = contractError({
      schema: catalogApi,
      operations: { getItem: ok, updateItem: ok, deleteItem: ok, search: ok, placeOrde: ok },
    });
    expect(error.missingHandlers).toEqual(['placeOrder']);
    expect(error.unknownHandlers).toEqual(['placeOrde']);
  });

  it('checks function names the same way', () => {
    const error = contractError({
      functions: orderFunctions,
      operations: { getOrderStatus: ok, getOrder: ok },
    });
    expect(error.missingHandlers).toEqual(['listRecentOrders']);
    expect(error.unknownHandlers).toEqual(['getOrder']);
  });

  it('accepts a complete set of handlers', () => {
    expect(
      () =>
        new ActionRouter({
          functions: orderFunctions,
          operations: { getOrderStatus: ok, listRecentOrders: ok },
        }),
    ).not.toThrow();
  });

  it.each([
    [
      'no schema and no functions',
      { operations: {} },
      'give the router a "schema" (OpenAPI document), "functions" (function details), or both',
    ],
    [
      'a handler that is not a function',
      { schema: oneOperation({ operationId: 'x' }), operations: { x: 'x' } },
      'the handler of x is not a function',
    ],
    [
      'operations that are not an object',
      { schema: oneOperation({ operationId: 'x' }), operations: null },
      '"operations" must be an object of handlers keyed by operationId',
    ],
    [
      'a schema without paths',
      { schema: { openapi: '3.0.0' }, operations: {} },
      'schema: not an OpenAPI document (it has no "paths" object)',
    ],
    [
      'an OpenAPI 2 document',
      { schema: { swagger: '2.0', paths: {} }, operations: {} },
      'schema: "openapi" must be a 3.x version such as "3.0.0"',
    ],
    [
      'an operation without operationId',
      { schema: oneOperation({}), operations: {} },
      'GET /x: operationId is missing or not made of letters, digits, "_" and "-"',
    ],
    [
      'a duplicate operationId',
      {
        schema: {
          openapi: '3.0.0',
          paths: { '/a': { get: { operationId: 'x' } }, '/b': { get: { operationId: 'x' } } },
        },
        operations: { x: ok },
      },
      'GET /b: operationId x is used twice',
    ],
    [
      'a requestBody on GET',
      {
        schema: oneOperation({
          operationId: 'x',
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        }),
        operations: { x: ok },
      },
      'GET /x: Bedrock does not allow a requestBody on GET',
    ],
    [
      'an invalid pattern',
      {
        schema: oneOperation({
          operationId: 'x',
          parameters: [{ name: 'p', in: 'query', schema: { type: 'string', pattern: '([a-z' } }],
        }),
        operations: { x: ok },
      },
      'GET /x parameter p: pattern ([a-z is not a valid regular expression',
    ],
    [
      'an unsupported type',
      {
        schema: oneOperation({
          operationId: 'x',
          parameters: [{ name: 'p', in: 'query', schema: { type: 'file' } }],
        }),
        operations: { x: ok },
      },
      'GET /x parameter p: unsupported type "file"',
    ],
    [
      'a $ref to nothing',
      {
        schema: oneOperation({
          operationId: 'x',
          parameters: [{ name: 'p', in: 'query', schema: { $ref: '#/components/schemas/Nope' } }],
        }),
        operations: { x: ok },
      },
      'GET /x parameter p: $ref #/components/schemas/Nope points to nothing in the document',
    ],
    [
      'a remote $ref',
      {
        schema: oneOperation({
          operationId: 'x',
          parameters: [{ name: 'p', in: 'query', schema: { $ref: 'common.json#/Id' } }],
        }),
        operations: { x: ok },
      },
      'GET /x parameter p: $ref common.json#/Id is not local; only "#/..." references are supported',
    ],
    [
      'a parameter named __proto__',
      {
        schema: oneOperation({
          operationId: 'x',
          parameters: [{ name: '__proto__', in: 'query', schema: { type: 'string' } }],
        }),
        operations: { x: ok },
      },
      'x: no parameter or body property may be named __proto__',
    ],
    [
      'a function parameter of an unknown type',
      {
        functions: [{ name: 'f', parameters: { when: { type: 'date' } } }],
        operations: { f: ok },
      },
      'function f parameter when: type must be one of string, number, integer, boolean, array',
    ],
    [
      'a maxBodyBytes too small for any answer',
      { functions: [], operations: {}, maxBodyBytes: 100 },
      'maxBodyBytes must be an integer of at least 1024',
    ],
  ])('refuses %s with a clear problem', (_, options, problem) => {
    expect(contractError(options).problems).toContain(problem);
  });

  it('reports a $ref loop instead of hanging', () => {
    const schema = oneOperation(
      {
        operationId: 'x',
        parameters: [{ name: 'p', in: 'query', schema: { $ref: '#/components/schemas/A' } }],
      },
      {
        components: {
          schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } },
        },
      },
    );
    expect(contractError({ schema, operations: { x: ok } }).message).toContain('is part of a reference loop');
  });
});
