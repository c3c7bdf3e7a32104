import { ContractError, listOperations } from '../../src';

const document = {
  openapi: '3.0.0',
  info: { title: 'Orders', version: '1' },
  paths: {
    '/orders/{orderId}': {
      parameters: [{ $ref: '#/components/parameters/OrderId' }],
      get: {
        operationId: 'getOrder',
        summary: 'One order.',
        parameters: [{ name: 'verbose', in: 'query', schema: { type: 'boolean' } }],
      },
      put: {
        operationId: 'moveOrder',
        description: 'Moves an order.',
        'x-requireConfirmation': 'ENABLED',
        requestBody: { $ref: '#/components/requestBodies/Move' },
      },
    },
  },
  components: {
    parameters: {
      OrderId: {
        name: 'orderId',
        in: 'path',
        description: 'The order.',
        schema: { $ref: '#/components/schemas/Id' },
      },
    },
    schemas: {
      Id: { type: 'string', pattern: '^ORD-[0-9]+$' },
      Address: {
        type: 'object',
        required: ['city'],
        properties: {
          city: { type: 'string', maxLength: 100, description: 'Town.' },
          floor: { type: 'integer' },
        },
      },
    },
    requestBodies: {
      Move: {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Address' } } },
      },
    },
  },
};

describe('listOperations', () => {
  it('reads operations as the router does: $refs resolved, path-level parameters merged', () => {
    const [getOrder, moveOrder] = listOperations(document);
    expect(getOrder).toEqual({
      operationId: 'getOrder',
      httpMethod: 'GET',
      apiPath: '/orders/{orderId}',
      summary: 'One order.',
      parameters: [
        {
          name: 'orderId',
          in: 'path',
          required: true,
          type: 'string',
          description: 'The order.',
          schema: { type: 'string', pattern: '^ORD-[0-9]+$' },
        },
        {
          name: 'verbose',
          in: 'query',
          required: false,
          type: 'boolean',
          description: '',
          schema: { type: 'boolean' },
        },
      ],
      requiresConfirmation: false,
    });
    expect(moveOrder).toMatchObject({
      operationId: 'moveOrder',
      httpMethod: 'PUT',
      summary: 'Moves an order.',
    });
    expect(moveOrder?.requiresConfirmation).toBe(true);
    expect(moveOrder?.body).toEqual({
      required: true,
      properties: [
        {
          name: 'city',
          required: true,
          type: 'string',
          description: 'Town.',
          schema: { type: 'string', maxLength: 100, description: 'Town.' },
        },
        { name: 'floor', required: false, type: 'integer', description: '', schema: { type: 'integer' } },
      ],
    });
  });

  it('throws a ContractError naming what the router could not serve', () => {
    const broken = {
      openapi: '3.0.0',
      paths: { '/x': { get: { operationId: 'x', parameters: [{ $ref: '#/nope' }] } } },
    };
    expect(() => listOperations(broken)).toThrow(ContractError);
    expect(() => listOperations(broken)).toThrow('$ref #/nope points to nothing in the document');
  });
});
