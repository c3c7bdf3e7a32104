import { type ActionResult, ActionRouter, NotFoundError, type OpenApiDocument } from '../../src';
import { type Answer, functionEvent, openApiEvent, readAnswer } from '../../src/testing';
import { capturedLogger, silentLogger } from '../fixtures/logs';

const schema: OpenApiDocument = {
  openapi: '3.0.0',
  paths: { '/report': { get: { operationId: 'report', description: 'A report.', responses: {} } } },
};

/** A router (OpenAPI and function details) whose one handler returns what the test gives it. */
function returning(result: () => unknown, options: { maxBodyBytes?: number } = {}, logger = silentLogger()) {
  return new ActionRouter({
    schema,
    functions: [{ name: 'report' }],
    operations: { report: () => result() as ActionResult },
    logger,
    ...options,
  });
}
const report = () => openApiEvent('/report', 'GET');

describe('OpenAPI envelope', () => {
  it('echoes actionGroup, apiPath and httpMethod, with messageVersion 1.0 and the body as a JSON string', async () => {
    const response = await returning(() => ({ body: { status: 'SHIPPED', items: [1, 2] } })).resolve(
      report(),
    );
    expect(response).toEqual({
      messageVersion: '1.0',
      response: {
        actionGroup: 'order-actions',
        apiPath: '/report',
        httpMethod: 'GET',
        httpStatusCode: 200,
        responseBody: { 'application/json': { body: '{"status":"SHIPPED","items":[1,2]}' } },
      },
      sessionAttributes: { customerId: 'C-42' },
      promptSessionAttributes: { today: '2025-03-31' },
    });
  });

  it('uses the statusCode the handler returns', async () => {
    expect(
      readAnswer(await returning(() => ({ body: { created: true }, statusCode: 201 })).resolve(report()))
        .status,
    ).toBe(201);
  });

  it('sends an undefined body as an empty JSON object', async () => {
    expect(readAnswer(await returning(() => ({ body: undefined })).resolve(report())).text).toBe('{}');
  });
});

describe('session attributes', () => {
  it("passes the event's maps through unchanged when the result sets none", async () => {
    const response = await returning(() => ({ body: {} })).resolve(
      openApiEvent('/report', 'GET', [], {
        sessionAttributes: { cart: 'c-1' },
        promptSessionAttributes: { tz: 'UTC' },
      }),
    );
    expect(response.sessionAttributes).toEqual({ cart: 'c-1' });
    expect(response.promptSessionAttributes).toEqual({ tz: 'UTC' });
  });

  it('replaces each map the result sets, and only that one', async () => {
    const response = await returning(() => ({
      body: {},
      sessionAttributes: { lastOrder: 'ORD-1001' },
    })).resolve(report());
    expect(response.sessionAttributes).toEqual({ lastOrder: 'ORD-1001' });
    expect(response.promptSessionAttributes).toEqual({ today: '2025-03-31' });
  });

  it("gives the handler the event's maps", async () => {
    let seen: unknown;
    const router = new ActionRouter({
      schema,
      operations: {
        report: (request) => {
          seen = [request.sessionAttributes, request.promptSessionAttributes];
          return { body: {} };
        },
      },
      logger: silentLogger(),
    });
    await router.resolve(report());
    expect(seen).toEqual([{ customerId: 'C-42' }, { today: '2025-03-31' }]);
  });

  it('keeps answers and errors readable when the maps hold non-string values', async () => {
    const event = openApiEvent('/report', 'GET', [], { sessionAttributes: { ok: 'yes', bad: 7 as never } });
    expect((await returning(() => ({ body: {} })).resolve(event)).sessionAttributes).toEqual({ ok: 'yes' });
  });

  it('passes the maps through on error answers too', async () => {
    const response = await returning(() => null).resolve(report());
    expect(readAnswer(response).status).toBe(500);
    expect(response.sessionAttributes).toEqual({ customerId: 'C-42' });
  });
});

describe('body size cap', () => {
  it('answers a body over 25,000 UTF-8 bytes with 500 RESPONSE_TOO_LARGE', async () => {
    const logs = capturedLogger();
    let answer: Answer;
    try {
      answer = readAnswer(
        await returning(() => ({ body: 'x'.repeat(25_000) }), {}, logs.logger).resolve(report()),
      );
    } finally {
      logs.restore();
    }
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: 'RESPONSE_TOO_LARGE',
      message: 'The result is too large to return (25002 bytes, at most 25000). Ask for less at once.',
    });
    expect(logs.entries()[0]).toMatchObject({ level: 'ERROR', bytes: 25002, maxBodyBytes: 25000 });
  });

  it('counts bytes, not characters', async () => {
    const twoBytes = 'é'.repeat(12_000); // 24,002 bytes once quoted
    expect(readAnswer(await returning(() => ({ body: twoBytes })).resolve(report())).status).toBe(200);
    const wide = '€'.repeat(9_000); // 3 bytes each: 27,000 bytes in 9,000 characters
    expect(readAnswer(await returning(() => ({ body: wide })).resolve(report())).status).toBe(500);
  });

  it('accepts a body of exactly the limit', async () => {
    const body = 'x'.repeat(24_998); // plus two quotes once serialised
    expect(readAnswer(await returning(() => ({ body })).resolve(report())).status).toBe(200);
  });

  it('honours a custom maxBodyBytes, for function-details too', async () => {
    const small = returning(() => ({ body: 'y'.repeat(2_000) }), { maxBodyBytes: 1_500 });
    const { state, text } = readAnswer(await small.resolve(functionEvent('report')));
    expect(state).toBe('REPROMPT');
    expect(JSON.parse(text).error).toBe('RESPONSE_TOO_LARGE');
  });

  it('shortens an oversized error body (even one full of escaped characters) to fit the cap', async () => {
    const router = new ActionRouter({
      schema,
      operations: {
        report: () => {
          throw new NotFoundError('\u0001'.repeat(5_000), { details: { blob: 'y'.repeat(30_000) } });
        },
      },
      logger: silentLogger(),
      maxBodyBytes: 1_024,
    });
    const { status, body, text } = readAnswer(await router.resolve(report()));
    expect(status).toBe(404);
    expect(body.error).toBe('NOT_FOUND');
    expect(body.blob).toBeUndefined();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1_024);
  });
});

describe('results that cannot be sent', () => {
  it.each([
    ['a BigInt', () => ({ body: { total: 10n } })],
    [
      'a cycle',
      () => {
        const order: Record<string, unknown> = { id: 'ORD-1' };
        order.self = order;
        return { body: order };
      },
    ],
    [
      'a toJSON that throws',
      () => ({
        body: {
          toJSON: () => {
            throw new Error('no');
          },
        },
      }),
    ],
    ['no result', () => undefined],
    ['a bare string', () => 'done'],
    ['a statusCode that is not an HTTP status', () => ({ body: {}, statusCode: 42 })],
    ['a statusCode that is not a number', () => ({ body: {}, statusCode: '200' })],
  ])('answers %s with 500 INTERNAL_ERROR', async (_, result) => {
    const answer = readAnswer(await returning(result).resolve(report()));
    expect(answer.status).toBe(500);
    expect(answer.body.error).toBe('INTERNAL_ERROR');
  });
});
