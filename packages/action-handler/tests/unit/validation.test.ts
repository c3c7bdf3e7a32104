import { type ActionRequest, ActionRouter } from '../../src';
import { openApiEvent, openApiEventWithBody, param, readAnswer } from '../../src/testing';
import { catalogApi } from '../fixtures/catalog-api';
import { silentLogger } from '../fixtures/logs';

let called = 0;
const echo = (request: ActionRequest) => {
  called++;
  return { body: { params: request.params, body: request.body } };
};
const router = new ActionRouter({
  schema: catalogApi,
  operations: { getItem: echo, updateItem: echo, deleteItem: echo, search: echo, placeOrder: echo },
  logger: silentLogger(),
});

async function search(...parameters: ReturnType<typeof param>[]) {
  return readAnswer(await router.resolve(openApiEvent('/search', 'GET', parameters)));
}
async function placeOrder(...properties: ReturnType<typeof param>[]) {
  return readAnswer(await router.resolve(openApiEventWithBody('/orders', 'POST', [], properties)));
}

/** The one message of a 400 INVALID_PARAMETER answer, after checking its shape. */
function onlyMessage(answer: { status: number; body: Record<string, unknown> }): string {
  expect(answer.status).toBe(400);
  expect(answer.body.error).toBe('INVALID_PARAMETER');
  expect(answer.body.errors).toHaveLength(1);
  return answer.body.message as string;
}

describe('validation answers 400 INVALID_PARAMETER saying which field is wrong and what is allowed', () => {
  it('has the agreed body shape: error, message, field, allowed, errors[]', async () => {
    const { status, body } = await search(param('q', 'x'));
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'INVALID_PARAMETER',
      message: "'q' is too short: 1 character, at least 2 needed. Allowed: a string of 2 to 20 characters.",
      field: 'q',
      allowed: 'a string of 2 to 20 characters',
      errors: [
        {
          field: 'q',
          message:
            "'q' is too short: 1 character, at least 2 needed. Allowed: a string of 2 to 20 characters.",
          allowed: 'a string of 2 to 20 characters',
        },
      ],
    });
  });

  it('does not call the handler', async () => {
    const before = called;
    await search(param('q', 'x'));
    expect(called).toBe(before);
  });

  it('required: a missing parameter', async () => {
    expect(onlyMessage(await search())).toBe(
      "'q' is required but missing. Allowed: a string of 2 to 20 characters.",
    );
  });

  it('required: a missing body property, and a missing path parameter', async () => {
    expect(onlyMessage(await placeOrder(param('email', 'a@example.com')))).toBe(
      "'quantity' is required but missing. Allowed: an integer at least 1.",
    );
    const answer = readAnswer(await router.resolve(openApiEvent('/items/{itemId}', 'DELETE')));
    expect(onlyMessage(answer)).toBe(
      "'itemId' is required but missing. Allowed: a string matching ^ITM-\\d+$.",
    );
  });

  it('type: a value that is already typed but wrongly', async () => {
    const event = openApiEvent('/search', 'GET', [
      param('q', 'lamp'),
      { name: 'limit', type: 'integer', value: true as never },
    ]);
    expect(onlyMessage(readAnswer(await router.resolve(event)))).toBe(
      "'limit' must be an integer (got true). Allowed: an integer at least 1 and at most 50.",
    );
  });

  it('type: a nested property of the wrong type', async () => {
    expect(onlyMessage(await search(param('q', 'lamp'), param('filter', '{"brand": 7}')))).toBe(
      "'filter.brand' must be a string (got 7). Allowed: a string.",
    );
  });

  it('pattern', async () => {
    const answer = readAnswer(
      await router.resolve(openApiEvent('/items/{itemId}', 'GET', [param('itemId', 'item 7')])),
    );
    expect(onlyMessage(answer)).toBe(
      '\'itemId\' does not match the pattern ^ITM-\\d+$ (got "item 7"). Allowed: a string matching ^ITM-\\d+$.',
    );
  });

  it('format: date', async () => {
    expect(onlyMessage(await search(param('q', 'lamp'), param('since', '2025-02-30')))).toBe(
      '\'since\' is not a date as YYYY-MM-DD, e.g. 2025-03-31 (got "2025-02-30"). Allowed: a date as YYYY-MM-DD, e.g. 2025-03-31.',
    );
    expect((await search(param('q', 'lamp'), param('since', '2024-02-29'))).status).toBe(200);
  });

  it('format: date-time', async () => {
    expect(
      onlyMessage(await search(param('q', 'lamp'), param('updatedAfter', '2025-03-31 25:00'))),
    ).toContain("'updatedAfter' is not a date and time in ISO 8601 with a time zone");
    for (const ok of ['2025-03-31T14:30:00Z', '2025-03-31T14:30:00.123+02:00']) {
      expect((await search(param('q', 'lamp'), param('updatedAfter', ok))).status).toBe(200);
    }
  });

  it('format: email', async () => {
    expect(onlyMessage(await placeOrder(param('email', 'someone@'), param('quantity', '1')))).toBe(
      '\'email\' is not an email address (got "someone@"). Allowed: an email address.',
    );
  });

  it('minLength and maxLength, counted in characters (an emoji is one)', async () => {
    expect(onlyMessage(await search(param('q', 'a'.repeat(21))))).toBe(
      "'q' is too long: 21 characters, at most 20 allowed. Allowed: a string of 2 to 20 characters.",
    );
    expect((await search(param('q', '🔦'.repeat(20)))).status).toBe(200);
  });

  it('minimum and maximum', async () => {
    expect(onlyMessage(await search(param('q', 'lamp'), param('limit', '0')))).toBe(
      "'limit' is 0, below the minimum of 1. Allowed: an integer at least 1 and at most 50.",
    );
    expect(onlyMessage(await search(param('q', 'lamp'), param('limit', '51')))).toBe(
      "'limit' is 51, above the maximum of 50. Allowed: an integer at least 1 and at most 50.",
    );
  });

  it('exclusiveMinimum (OpenAPI 3.0 boolean form)', async () => {
    expect(onlyMessage(await search(param('q', 'lamp'), param('maxPrice', '0')))).toBe(
      "'maxPrice' is 0, below the minimum of 0 (exclusive). Allowed: a number greater than 0.",
    );
  });

  it('minItems and maxItems', async () => {
    expect(onlyMessage(await search(param('q', 'lamp'), param('tags', '[]')))).toBe(
      "'tags' has 0 items, at least 1 needed. Allowed: a list of 1 to 3 items, each a string of at least 1 character.",
    );
    expect(onlyMessage(await search(param('q', 'lamp'), param('tags', '[a, b, c, d]')))).toBe(
      "'tags' has 4 items, at most 3 allowed. Allowed: a list of 1 to 3 items, each a string of at least 1 character.",
    );
  });

  it('enum', async () => {
    expect(onlyMessage(await search(param('q', 'lamp'), param('sort', 'rating')))).toBe(
      '\'sort\' is not an allowed value (got "rating"). Allowed: one of "price", "name".',
    );
  });

  it('reports every wrong field (first broken rule of each) in one answer', async () => {
    const { status, body } = await search(param('q', 'x'), param('limit', '99'), param('since', 'yesterday'));
    expect(status).toBe(400);
    expect(body.errors.map((issue: { field: string }) => issue.field)).toEqual(['q', 'limit', 'since']);
    expect(body.message).toMatch(
      /^3 fields are invalid\. 'q' is too short.*'limit' is 99.*'since' is not a date/,
    );
  });

  it('caps the list of errors so a flood of bad input still gets a small answer', async () => {
    const { body, text } = await search(
      param('q', 'lamp'),
      param('ids', JSON.stringify(Array(5000).fill('x'))),
    );
    expect(body.errors).toHaveLength(10);
    expect(Buffer.byteLength(text)).toBeLessThan(25_000);
  });
});
