import { Logger } from '@aws-lambda-powertools/logger';
import fc from 'fast-check';
import { type ActionRequest, ActionRouter } from '../../src';
import { readAnswer } from '../../src/testing';
import { orderApi, orderFunctions, orderOperations } from './support/order-api-model';
import {
  type GeneratedEvent,
  junkEvent,
  oneInvalidField,
  validFunctionEvent,
  validOpenApiEvent,
} from './support/order-events';
import { sameJson } from './support/same-json';

// Generated events against the real order schema (and the same operations as function details), answered by a
// router whose handlers only record what they were given: the router alone decides every answer.
const calls: { operation: string; params: unknown; body: unknown }[] = [];
const record = async (request: ActionRequest) => {
  calls.push({ operation: request.operation, params: request.params, body: request.body });
  return { body: { ok: true, operation: request.operation } };
};
const router = new ActionRouter({
  schema: orderApi,
  functions: orderFunctions,
  operations: Object.fromEntries(orderOperations.map((operation) => [operation.operationId, record])),
  logger: new Logger({ serviceName: 'hardening', logLevel: 'SILENT' }),
});

/** Answers one event; a rejection fails the property (resolve must never throw or reject). */
async function answer(generated: GeneratedEvent) {
  calls.length = 0;
  const response = await router.resolve(generated.event);
  const read = readAnswer(response, { event: generated.event });
  // Every handler here returns an object: function answers carry JSON too.
  if (read.kind === 'function') JSON.parse(read.text);
  return { ...read, calls: [...calls] };
}

const runs = (numRuns: number) => ({ numRuns });

describe('the router on events generated from schemas/order-management-api.json', () => {
  it('answers every valid OpenAPI event 200, handing the handler exactly the values sent', async () => {
    await fc.assert(
      fc.asyncProperty(validOpenApiEvent, async (generated) => {
        const { status, kind, calls: made, body } = await answer(generated);
        expect({ kind, status }).toEqual({ kind: 'openapi', status: 200 });
        expect(body).toEqual({ ok: true, operation: generated.operation.operationId });
        expect(made).toHaveLength(1);
        expect(made[0]!.operation).toBe(generated.operation.operationId);
        expect(sameJson(made[0]!.params, generated.params)).toBe(true);
        expect(sameJson(made[0]!.body, generated.body)).toBe(true);
      }),
      runs(300),
    );
  });

  it('answers every valid function-details event 200, the parameters as sent', async () => {
    await fc.assert(
      fc.asyncProperty(validFunctionEvent, async (generated) => {
        const { status, kind, calls: made } = await answer(generated);
        expect({ kind, status }).toEqual({ kind: 'function', status: 200 });
        expect(made).toHaveLength(1);
        expect(sameJson(made[0]!.params, generated.params)).toBe(true);
        expect(made[0]!.body).toBeUndefined();
      }),
      runs(300),
    );
  });

  it('passes the session maps of a valid event through unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(validOpenApiEvent, validFunctionEvent), async (generated) => {
        const response = await router.resolve(generated.event);
        expect(response.sessionAttributes).toEqual(generated.event.sessionAttributes);
        expect(response.promptSessionAttributes).toEqual(generated.event.promptSessionAttributes);
      }),
      runs(200),
    );
  });

  it('answers an event with exactly one wrong field 400 INVALID_PARAMETER naming that field, without calling the handler', async () => {
    await fc.assert(
      fc.asyncProperty(oneInvalidField, async (generated) => {
        const { status, body, calls: made } = await answer(generated);
        expect(status).toBe(400);
        expect(made).toHaveLength(0);
        const error = body as {
          error: string;
          field: string;
          message: string;
          allowed: string;
          errors: { field: string }[];
        };
        expect(error.error).toBe('INVALID_PARAMETER');
        expect(error.field).toBe(generated.field);
        expect(error.errors.map((e) => e.field)).toEqual([generated.field]);
        expect(error.message).toContain(generated.field);
        expect(typeof error.allowed).toBe('string');
      }),
      runs(300),
    );
  });

  it('answers junk, malformed and oddly encoded events with a well-formed envelope, never a 5xx, never throwing', async () => {
    await fc.assert(
      fc.asyncProperty(junkEvent, async (generated) => {
        const { status, body, calls: made } = await answer(generated);
        // The handlers never fail, so a 5xx could only come from the router itself.
        expect(status).toBeLessThan(500);
        if (status >= 400) {
          expect(made).toHaveLength(0);
          expect(typeof (body as { error?: unknown }).error).toBe('string');
          expect(typeof (body as { message?: unknown }).message).toBe('string');
        } else {
          expect(made).toHaveLength(1);
        }
      }),
      runs(500),
    );
  });
});
