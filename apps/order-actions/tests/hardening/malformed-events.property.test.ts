import fc from 'fast-check';
import {
  bedrockEvent,
  getOrderStatusEvent,
  initiateReturnEvent,
  readAnswer,
} from '../integration/support/bedrock-events';
import { useOrdersTableWithHandler } from './support/fixtures';
import { scanTable } from './support/table-state';

// Random, mostly malformed, events through the real handler on dynalite: whatever the input, the answer is a
// well-formed envelope, never a 5xx (the table is there), and a 4xx never changes a single item.

const fixture = useOrdersTableWithHandler();

const awkward = fc.constantFrom(
  '',
  ' ',
  '   ',
  '\t\n',
  '\u0000',
  '\ud800',
  '\u200b',
  'ＯＲＤ－１００１',
  'ORD-1001 ',
  ' ORD-1001',
  'ORD-1001\n',
  '{a=b}',
  '["x"]',
  'null',
);
const text = (maxLength: number) =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }), awkward);
/** Seeded orders in every state, unknown but well-formed ids, and malformed ones. */
const orderId = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'ORD-1001',
      'ORD-1002',
      'ORD-1003',
      'ORD-1004',
      'ORD-1005',
      'ORD-1006',
      'ORD-1007',
      'ORD-1008',
      'ORD-1009',
      'ORD-1010',
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^ORD-[0-9]{1,12}$/) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      text(20),
      fc.constantFrom('ORD-', 'ORD-1234567890123', 'ord-1001', 'ORD-10O1', `ORD-${'9'.repeat(3000)}`),
    ),
  },
);
/** Each value a string as Bedrock sends it, or left out, or a non-string (which Bedrock never sends). */
const maybe = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: value.map((v) => ({ v })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.anything().map((v) => ({ v })) },
  );
const reason = fc.oneof(
  fc.constantFrom('Arrived broken', 'x'.repeat(500), 'x'.repeat(501), '😀'.repeat(260), '   '),
  text(40),
);
const address = fc.record({
  name: maybe(fc.oneof(fc.constantFrom('Sam Lee', '  ', 'n'.repeat(101)), text(30))),
  line1: maybe(fc.oneof(fc.constant('1 New Road'), text(30))),
  line2: maybe(fc.oneof(fc.constantFrom('', 'Flat 2'), text(30))),
  city: maybe(fc.oneof(fc.constant('Leeds'), text(20))),
  region: maybe(text(20)),
  postalCode: maybe(fc.oneof(fc.constantFrom('LS1 4AP', '--', 'A', 'LS1-4AP-LS1-4AP'), text(14))),
  country: maybe(fc.oneof(fc.constantFrom('GB', 'gb', 'GBR', 'G1'), text(3))),
});

type Entries = Record<string, { v: unknown } | undefined>;
const present = (values: Entries) =>
  Object.entries(values).flatMap(([name, value]) =>
    value === undefined ? [] : [{ name, type: 'string', value: value.v }],
  );

const event = fc.oneof(
  maybe(orderId).map((id) =>
    withParameters(bedrockEvent('/orders/{orderId}', 'GET', {}), present({ orderId: id })),
  ),
  fc
    .tuple(maybe(orderId), maybe(reason))
    .map(([id, why]) =>
      withBody(
        withParameters(bedrockEvent('/orders/{orderId}/return', 'POST', {}), present({ orderId: id })),
        present({ reason: why }),
      ),
    ),
  fc
    .tuple(maybe(orderId), address)
    .map(([id, to]) =>
      withBody(
        withParameters(
          bedrockEvent('/orders/{orderId}/shipping-address', 'PUT', {}),
          present({ orderId: id }),
        ),
        present(to),
      ),
    ),
  // Whole-event damage: a top-level field dropped or replaced, or no event at all.
  fc
    .tuple(
      maybe(orderId),
      fc.constantFrom(
        'messageVersion',
        'actionGroup',
        'apiPath',
        'httpMethod',
        'parameters',
        'requestBody',
        'sessionAttributes',
      ),
      fc.anything(),
    )
    .map(([id, key, value]) => ({
      ...withParameters(
        bedrockEvent('/orders/{orderId}/return', 'POST', {}, { reason: 'x' }),
        present({ orderId: id }),
      ),
      [key]: value,
    })),
  fc.anything(),
);

function withParameters(base: object, parameters: unknown[]) {
  return { ...base, parameters };
}
function withBody(base: object, properties: unknown[]) {
  return { ...base, requestBody: { content: { 'application/json': { properties } } } };
}

describe('malformed events on the real handler and table', () => {
  it('never answer 5xx, and every 4xx leaves the table exactly as it was', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(event, async (generated) => {
        const before = await scanTable(fixture.table.client, fixture.table.tableName);
        const { status } = readAnswer(await fixture.handler(generated));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status).toBeLessThan(500);
        if (status >= 400)
          expect(await scanTable(fixture.table.client, fixture.table.tableName)).toEqual(before);
      }),
      {
        numRuns: 250,
        // One of each refusal the API has, so every kind is checked whatever the random events reach.
        examples: [
          [getOrderStatusEvent('ORD-1001')],
          [getOrderStatusEvent('ORD-1001x')],
          [getOrderStatusEvent('ORD-424242')],
          [bedrockEvent('/orders/{orderId}', 'DELETE', { orderId: 'ORD-1001' })],
          [initiateReturnEvent('ORD-1003', 'Too slow')],
          [initiateReturnEvent('ORD-1005', 'Too small')],
        ],
      },
    );
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 404, 405, 409, 422]));
  }, 90_000);
});
