import { listOperations } from '@order-agent/action-handler';
import schema from '@order-agent/schemas/order-management-api.json';
import fc from 'fast-check';
import { parseReturnReason } from '../../src/domain';
import {
  initiateReturnEvent,
  readAnswer,
  updateShippingAddressEvent,
} from '../integration/support/bedrock-events';
import { useOrdersTableWithHandler } from './support/fixtures';

// The schema is what the agent is told; the domain checks inputs again. The two must agree: a value the schema
// allows (lengths counted in characters, i.e. code points, as JSON Schema counts them) is not refused as invalid,
// and a refusal's message quotes the value without cutting a character in half.

const fixture = useOrdersTableWithHandler();

/** The length limits the schema declares for one body property of one operation. */
function lengthsOf(operationId: string, property: string): { min: number; max: number } {
  const operation = listOperations(schema).find((candidate) => candidate.operationId === operationId);
  const input = operation?.body?.properties.find((candidate) => candidate.name === property);
  const { minLength, maxLength } = input?.schema ?? {};
  if (minLength === undefined || maxLength === undefined) {
    throw new Error(`the schema declares no length limits for ${operationId} ${property}`);
  }
  return { min: minLength, max: maxLength };
}
const reason = lengthsOf('initiateReturn', 'reason');
const recipient = lengthsOf('updateShippingAddress', 'name');

/** Text of `min`..`max` code points, none of them whitespace at the ends (the domain trims), astral ones included. */
const textOf = (min: number, max: number) =>
  fc
    .oneof(
      fc.string({ unit: 'binary', minLength: min, maxLength: max }),
      fc.constantFrom('😀'.repeat(max), '𝒮'.repeat(max), `${'é'.repeat(max - 1)}😀`),
    )
    .filter(
      (text) => text.trim() === text && text.length > 0 && [...text].length >= min && [...text].length <= max,
    );

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('schema and domain agree on text lengths', () => {
  it(`take every reason of ${reason.min} to ${reason.max} characters the schema allows`, async () => {
    await fc.assert(
      fc.asyncProperty(textOf(reason.min, reason.max), async (text) => {
        const { status, body } = readAnswer(await fixture.handler(initiateReturnEvent('ORD-1001', text)));
        expect({ status, error: body.error }).toEqual({ status: 200, error: undefined });
      }),
      { numRuns: 60 },
    );
  });

  it(`take every recipient name of ${recipient.min} to ${recipient.max} characters the schema allows`, async () => {
    await fc.assert(
      fc.asyncProperty(textOf(recipient.min, recipient.max), async (name) => {
        const address = { name, line1: '1 New Road', city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' };
        const { status, body } = readAnswer(
          await fixture.handler(updateShippingAddressEvent('ORD-1002', address)),
        );
        expect({ status, error: body.error }).toEqual({ status: 200, error: undefined });
      }),
      { numRuns: 60 },
    );
  });

  it('quote a refused value without splitting a character (the domain, as any agent runtime calls it)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('😀', '𝒮', 'é😀'),
        fc.integer({ min: reason.max + 1, max: 4 * reason.max }),
        (unit, times) => {
          let message = '';
          try {
            parseReturnReason(unit.repeat(times));
          } catch (error) {
            message = (error as Error).message;
          }
          expect(message).toContain('is not valid');
          expect(message).not.toMatch(LONE_SURROGATE);
        },
      ),
      { numRuns: 50 },
    );
  });
});
