import fc from 'fast-check';
import type { BedrockAgentParameter } from '../../../src';
import { type FieldModel, type OperationModel, orderOperations } from './order-api-model';

/** An event with what the router must make of it. */
export type GeneratedEvent =
  | {
      readonly expect: 'valid';
      readonly event: Record<string, unknown>;
      readonly operation: OperationModel;
      readonly params: Record<string, string>;
      readonly body: Record<string, string> | undefined;
    }
  | { readonly expect: 'invalid-field'; readonly event: Record<string, unknown>; readonly field: string }
  | { readonly expect: 'junk'; readonly event: unknown };

const codePoints = (text: string) => [...text].length;

/** Strings that are awkward on the wire: control characters, lone surrogates, BOM, RTL marks, look-alikes. */
export const oddStrings = fc.constantFrom(
  '\u0000',
  'ORD-1001\u0000',
  '\ud800',
  'ORD-\udfff1',
  '\ufeffORD-1001',
  '\u202eORD-1001',
  'ＯＲＤ－１００１',
  'ORD-١٠٠١',
  ' ORD-1001',
  'ORD-1001\n',
  'ORD-1001 ',
  '["ORD-1001"]',
  '{orderId=ORD-1001}',
  '{"orderId":"ORD-1001"}',
  'null',
  'undefined',
  '1e309',
  '%4F%52%44-1001',
  'ORD-1001\r\nX-Injected: 1',
  '👍🏽'.repeat(40),
);

/** Any text: ASCII, any code point, or one of the awkward ones. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    oddStrings,
  );

/** A value the schema accepts for `field`, the length boundaries included. */
function validValue(field: FieldModel): fc.Arbitrary<string> {
  const min = field.minLength ?? 0;
  const max = field.maxLength ?? 80;
  const fits = (text: string) =>
    codePoints(text) >= min && codePoints(text) <= max && (!field.pattern || field.pattern.test(text));
  if (field.pattern) return fc.stringMatching(field.pattern).filter(fits);
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 60) }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 60) }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'x'.repeat(max),
          'é'.repeat(max),
          '😀'.repeat(max),
          'x'.repeat(Math.max(min, 1)),
        ),
      },
    )
    .filter(fits);
}

/** A value the schema refuses for `field`, with the reason it is refused. */
function invalidValue(field: FieldModel): fc.Arbitrary<unknown> {
  const choices: fc.Arbitrary<unknown>[] = [
    // Not a string on the wire (null and undefined count as missing, so they are only wrong when required).
    fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    ),
  ];
  const pattern = field.pattern;
  if (pattern) choices.push(anyText(40).filter((text) => !pattern.test(text)));
  if (field.maxLength !== undefined) {
    const max = field.maxLength;
    choices.push(
      fc
        .tuple(fc.constantFrom('a', 'é', '😀', ' '), fc.integer({ min: 1, max: 20 }))
        .map(([unit, extra]) => unit.repeat(max + extra)),
    );
  }
  if ((field.minLength ?? 0) > 0) choices.push(fc.constant(''));
  return fc.oneof(...choices);
}

const agent = fc.record({
  name: fc.constantFrom('order-agent', 'agent'),
  id: fc.stringMatching(/^[A-Z0-9]{10}$/),
  alias: fc.constantFrom('TSTALIASID', 'PRODALIAS1'),
  version: fc.constantFrom('DRAFT', '1', '12'),
});
const sessionMap = fc.dictionary(fc.string({ maxLength: 12 }), anyText(30), { maxKeys: 4 });
/** The event's own `type` field: the router decodes by the schema's declared type, whatever this says. */
const wireType = fc.constantFrom('string', 'integer', 'number', 'boolean', 'array', 'object', '', 'String');

function entries(values: Record<string, unknown>): fc.Arbitrary<BedrockAgentParameter[]> {
  const names = Object.keys(values);
  return fc
    .tuple(
      fc.shuffledSubarray(names, { minLength: names.length }),
      fc.array(wireType, { minLength: names.length, maxLength: names.length }),
    )
    .map(([order, types]) =>
      order.map((name, i) => ({ name, type: types[i]!, value: values[name] as string })),
    );
}

/** Names and values of some fields: the required ones always, each optional one or not. */
function fieldValues(fields: readonly FieldModel[]): fc.Arbitrary<Record<string, string>> {
  return fc
    .tuple(
      ...fields.map((field) =>
        field.required
          ? validValue(field).map((v) => [v])
          : fc.option(validValue(field), { nil: undefined }).map((v) => (v === undefined ? [] : [v])),
      ),
    )
    .map((picked) =>
      Object.fromEntries(
        fields.flatMap((field, i) => (picked[i]!.length > 0 ? [[field.name, picked[i]![0]!]] : [])),
      ),
    );
}

const common = fc.record({
  agent,
  inputText: anyText(60),
  sessionId: fc.stringMatching(/^[0-9]{15}$/),
  sessionAttributes: sessionMap,
  promptSessionAttributes: sessionMap,
});

/** A well-formed OpenAPI event for one operation of the real schema, every field valid. */
export const validOpenApiEvent: fc.Arbitrary<GeneratedEvent & { expect: 'valid' }> = fc
  .constantFrom(...orderOperations)
  .chain((operation) =>
    fc
      .tuple(
        fieldValues(operation.params),
        operation.body ? fieldValues(operation.body) : fc.constant(undefined),
        fc.constantFrom(operation.httpMethod, operation.httpMethod.toLowerCase()),
      )
      .chain(([params, body, httpMethod]) =>
        fc
          .record({
            common,
            parameters: entries(params),
            properties: body ? entries(body) : fc.constant(undefined),
          })
          .map(({ common: base, parameters, properties }) => ({
            expect: 'valid' as const,
            operation,
            params,
            body,
            event: {
              messageVersion: '1.0',
              ...base,
              actionGroup: 'order-management',
              apiPath: operation.apiPath,
              httpMethod,
              parameters,
              ...(properties ? { requestBody: { content: { 'application/json': { properties } } } } : {}),
            },
          })),
      ),
  );

/** A well-formed function-details event for one operation (as a function), every required parameter present. */
export const validFunctionEvent: fc.Arbitrary<GeneratedEvent & { expect: 'valid' }> = fc
  .constantFrom(...orderOperations)
  .chain((operation) => {
    const fields = [...operation.params, ...(operation.body ?? [])];
    // Function parameters are declared as plain strings: any text is valid.
    const values = fc
      .tuple(
        ...fields.map((field) =>
          field.required
            ? anyText(60).map((v) => [v])
            : fc.option(anyText(60), { nil: undefined }).map((v) => (v === undefined ? [] : [v])),
        ),
      )
      .map((picked) =>
        Object.fromEntries(
          fields.flatMap((field, i) => (picked[i]!.length > 0 ? [[field.name, picked[i]![0]!]] : [])),
        ),
      );
    return values.chain((params) =>
      fc.record({ common, parameters: entries(params) }).map(({ common: base, parameters }) => ({
        expect: 'valid' as const,
        operation,
        params,
        body: undefined,
        event: {
          messageVersion: '1.0',
          ...base,
          actionGroup: 'order-functions',
          function: operation.operationId,
          parameters,
        },
      })),
    );
  });

/** A valid OpenAPI event with exactly one field made wrong: missing (if required) or a refused value. */
export const oneInvalidField: fc.Arbitrary<GeneratedEvent & { expect: 'invalid-field' }> =
  validOpenApiEvent.chain((valid) => {
    const targets = [
      ...valid.operation.params.map((field) => ({ field, where: 'parameters' as const })),
      ...(valid.operation.body ?? []).map((field) => ({ field, where: 'body' as const })),
    ];
    return fc.constantFrom(...targets).chain(({ field, where }) => {
      const change = field.required
        ? fc.oneof(
            fc.constant<{ missing: true } | { value: unknown }>({ missing: true }),
            fc.constant({ value: null }),
            invalidValue(field).map((value) => ({ value })),
          )
        : invalidValue(field).map((value) => ({ value }));
      return change.map((how) => {
        const event = structuredClone(valid.event);
        const list = (
          where === 'parameters'
            ? event.parameters
            : (event.requestBody as { content: { 'application/json': { properties: unknown } } } | undefined)
                ?.content['application/json'].properties
        ) as { name: string; type: string; value: unknown }[] | undefined;
        const kept = (list ?? []).filter((entry) => entry.name !== field.name);
        const changed =
          'missing' in how ? kept : [...kept, { name: field.name, type: 'string', value: how.value }];
        if (where === 'parameters') event.parameters = changed;
        else event.requestBody = { content: { 'application/json': { properties: changed } } };
        return { expect: 'invalid-field' as const, event, field: field.name };
      });
    });
  });

const topLevelKeys = [
  'messageVersion',
  'agent',
  'inputText',
  'sessionId',
  'actionGroup',
  'apiPath',
  'httpMethod',
  'function',
  'parameters',
  'requestBody',
  'sessionAttributes',
  'promptSessionAttributes',
] as const;

const oddParameters = fc.oneof(
  fc.constant('orderId=ORD-1001'),
  fc.constant({ orderId: 'ORD-1001' }),
  fc.constant([1, null, {}]),
  fc.constant([{ name: 42, type: 'string', value: 'ORD-1001' }]),
  fc.constant([{ type: 'string', value: 'ORD-1001' }]),
  fc.constant([{ name: 'orderId' }]),
  fc.constant([
    { name: 'orderId', type: 'string', value: 'ORD-1001' },
    { name: 'orderId', type: 'string', value: 'bad' },
  ]),
  fc.constant(Array.from({ length: 5_000 }, (_, i) => ({ name: `p${i}`, type: 'string', value: 'x' }))),
  fc.constant(Array.from({ length: 200 }, () => ({ name: 'orderId', type: 'string', value: 'not an id' }))),
  fc.constant([{ name: 'orderId', type: 'string', value: `ORD-${'1'.repeat(100_000)}` }]),
  fc.constant([
    { name: '__proto__', type: 'string', value: 'x' },
    { name: 'constructor', type: 'string', value: 'x' },
  ]),
  fc.array(
    fc.record(
      {
        name: fc.oneof(fc.constantFrom('orderId', 'reason', 'country'), anyText(10)),
        type: wireType,
        value: fc.oneof(anyText(40), fc.anything()),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 6 },
  ),
  fc.anything(),
);

const oddRequestBody = fc.oneof(
  fc.constant('reason=broken'),
  fc.constant({ content: 'x' }),
  fc.constant({ content: { 'application/json': [] } }),
  fc.constant({ content: { 'application/json': { properties: { reason: 'broken' } } } }),
  fc.constant({
    content: { 'text/plain': { properties: [{ name: 'reason', type: 'string', value: 'x' }] } },
  }),
  fc.constant({
    content: {
      'application/json': { properties: [{ name: 'reason', type: 'string', value: 'x'.repeat(200_000) }] },
    },
  }),
  fc.constant({
    content: {
      'application/json': { properties: [{ name: 'reason', type: 'string', value: '😀'.repeat(20_000) }] },
    },
  }),
  fc.anything(),
);

/** Events that are wrong as a whole: junk values, missing or replaced top-level fields, odd shapes and paths. */
export const junkEvent: fc.Arbitrary<GeneratedEvent & { expect: 'junk' }> = fc
  .oneof(
    fc.anything(),
    fc.constantFrom(
      null,
      undefined,
      0,
      '',
      [],
      'getOrderStatus ORD-1001',
      true,
      new Date(0),
      Object.create(null),
    ),
    fc
      .tuple(
        fc.oneof(validOpenApiEvent, validFunctionEvent),
        fc.subarray([...topLevelKeys], { minLength: 1 }),
      )
      .map(([valid, drop]) => {
        const event = { ...valid.event };
        for (const key of drop) delete event[key];
        return event;
      }),
    fc
      .tuple(
        fc.oneof(validOpenApiEvent, validFunctionEvent),
        fc.constantFrom(...topLevelKeys),
        fc.oneof(fc.anything(), anyText(20)),
      )
      .map(([valid, key, value]) => ({ ...valid.event, [key]: value })),
    fc.tuple(validOpenApiEvent, oddParameters).map(([valid, parameters]) => ({ ...valid.event, parameters })),
    fc
      .tuple(validOpenApiEvent, oddRequestBody)
      .map(([valid, requestBody]) => ({ ...valid.event, requestBody })),
    fc
      .tuple(validFunctionEvent, oddParameters)
      .map(([valid, parameters]) => ({ ...valid.event, parameters })),
    fc
      .tuple(
        validOpenApiEvent,
        fc.constantFrom(
          '/orders/ORD-1001',
          '/orders/{orderId}/',
          '/Orders/{orderId}',
          '/orders',
          '',
          '/',
          '/orders/{orderId}/return/x',
          `/${'a'.repeat(50_000)}`,
          '\u0000',
        ),
      )
      .map(([valid, apiPath]) => ({ ...valid.event, apiPath })),
    fc
      .tuple(
        validOpenApiEvent,
        fc.oneof(fc.constantFrom('FETCH', '', ' GET', 'GE T', 'DELETE', 'PATCH', 'ｇｅｔ'), anyText(10)),
      )
      .map(([valid, httpMethod]) => ({ ...valid.event, httpMethod })),
    fc
      .tuple(
        validFunctionEvent,
        fc.oneof(
          fc.constantFrom('', 'getorderstatus', 'getOrderStatus ', 'hasOwnProperty', '__proto__', 'toString'),
          anyText(20),
        ),
      )
      .map(([valid, fn]) => ({ ...valid.event, function: fn })),
    fc
      .tuple(validOpenApiEvent, validFunctionEvent)
      .map(([a, b]) => ({ ...a.event, function: (b.event as { function: string }).function })),
  )
  .map((event) => ({ expect: 'junk' as const, event }));
