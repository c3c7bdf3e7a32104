import {
  ActionError,
  ActionHandlerError,
  ActionRouter,
  BadRequestError,
  ConflictError,
  ContractError,
  type FunctionSchema,
  InvalidParameterError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnprocessableEntityError,
} from '../../src';
import { functionEvent, readAnswer } from '../../src/testing';
import { capturedLogger, silentLogger } from '../fixtures/logs';
import { getOrderStatusEvent, orderStatusApi as schema } from '../fixtures/order-status-api';

const functions: FunctionSchema = [{ name: 'getOrderStatus', parameters: {} }];

/** A router (OpenAPI and function details) whose one handler throws what the test gives it. */
function throwing(thrown: () => unknown, logger = silentLogger()) {
  return new ActionRouter({
    schema,
    functions,
    operations: {
      getOrderStatus: () => {
        throw thrown();
      },
    },
    logger,
  });
}
const getOrder = () => getOrderStatusEvent();

describe('errors a handler throws', () => {
  it.each([
    [new BadRequestError('Give a reason.'), 400, 'INVALID_PARAMETER'],
    [new UnauthorizedError('Ask the customer to sign in.'), 401, 'UNAUTHORIZED'],
    [new NotFoundError('No order ORD-1001.', { code: 'ORDER_NOT_FOUND' }), 404, 'ORDER_NOT_FOUND'],
    [new NotFoundError('No such thing.'), 404, 'NOT_FOUND'],
    [new ConflictError('Already shipped.'), 409, 'CONFLICT'],
    [new UnprocessableEntityError('Return window closed.'), 422, 'UNPROCESSABLE_ENTITY'],
    [new ServiceUnavailableError('Try again shortly.'), 503, 'SERVICE_UNAVAILABLE'],
    [new ActionError(418, 'TEAPOT', 'Short and stout.'), 418, 'TEAPOT'],
  ])('%p answers %i with its code and message', async (error, status, code) => {
    const answer = readAnswer(await throwing(() => error).resolve(getOrder()));
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: code, message: error.message });
  });

  it('merges details into the body without letting them replace error or message', async () => {
    const error = new ConflictError('Order ORD-1001 has shipped.', {
      code: 'ORDER_NOT_EDITABLE',
      details: { status: 'SHIPPED', error: 'hijack', message: 'hijack' },
    });
    expect(readAnswer(await throwing(() => error).resolve(getOrder())).body).toEqual({
      error: 'ORDER_NOT_EDITABLE',
      message: 'Order ORD-1001 has shipped.',
      status: 'SHIPPED',
    });
  });

  it('answers 4xx and 5xx with REPROMPT for function-details action groups, so the model reads the message', async () => {
    const notFound = readAnswer(
      await throwing(() => new NotFoundError('No order.')).resolve(functionEvent('getOrderStatus')),
    );
    const down = readAnswer(
      await throwing(() => new ServiceUnavailableError('Down.')).resolve(functionEvent('getOrderStatus')),
    );
    expect(notFound.state).toBe('REPROMPT');
    expect(JSON.parse(notFound.text)).toEqual({ error: 'NOT_FOUND', message: 'No order.' });
    expect(down.state).toBe('REPROMPT');
    expect(JSON.parse(down.text)).toEqual({ error: 'SERVICE_UNAVAILABLE', message: 'Down.' });
  });

  it('answers an ActionError with a status outside 400-599 with 500', async () => {
    expect(
      readAnswer(await throwing(() => new ActionError(200, 'ODD', 'odd')).resolve(getOrder())).status,
    ).toBe(500);
  });

  it.each([
    ['an Error', () => new TypeError('cannot read properties of undefined')],
    ['a string', () => 'boom'],
    ['undefined', () => undefined],
    ['a plain object', () => ({ reason: 'nope' })],
  ])(
    'answers anything else thrown (%s) with 500 INTERNAL_ERROR revealing nothing of it',
    async (_, thrown) => {
      const answer = readAnswer(await throwing(thrown).resolve(getOrder()));
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        error: 'INTERNAL_ERROR',
        message: 'The action failed because of an internal error. Try again later.',
      });
    },
  );

  it('logs an unexpected error as structured JSON with the correlation data', async () => {
    const logs = capturedLogger();
    try {
      const router = throwing(() => new Error('table is gone'), logs.logger);
      await router.resolve(getOrder(), { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' });
    } finally {
      logs.restore();
    }
    const [entry] = logs.entries();
    expect(entry).toMatchObject({
      level: 'ERROR',
      message: 'The handler threw an unexpected error',
      service: 'action-handler-test',
      sessionId: '447512903318471',
      agentId: 'AGNT7X2K9Q',
      agentAlias: 'TSTALIASID',
      agentVersion: 'DRAFT',
      actionGroup: 'order-actions',
      apiPath: '/orders/{orderId}',
      httpMethod: 'GET',
      awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      error: { name: 'Error', message: 'table is gone' },
    });
  });

  it('logs a thrown non-Error as a description, and 5xx ActionErrors too, but not 4xx', async () => {
    const logs = capturedLogger();
    try {
      await throwing(() => 42, logs.logger).resolve(functionEvent('getOrderStatus'));
      await throwing(() => new ServiceUnavailableError('Down.'), logs.logger).resolve(getOrder());
      await throwing(() => new NotFoundError('No order.'), logs.logger).resolve(getOrder());
    } finally {
      logs.restore();
    }
    const entries = logs.entries();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ function: 'getOrderStatus', thrown: 'number: 42' });
    expect(entries[1]).toMatchObject({
      message: 'The handler answered with a server error',
      error: { name: 'ServiceUnavailableError' },
    });
  });
});

describe('error classes', () => {
  it('keep the contract error apart from the HTTP ones under one base class', () => {
    const contract = new ContractError(['operation x has no handler'], ['x']);
    const http = new NotFoundError('gone');
    expect(contract).toBeInstanceOf(ActionHandlerError);
    expect(http).toBeInstanceOf(ActionHandlerError);
    expect(contract).not.toBeInstanceOf(ActionError);
    expect(http).toBeInstanceOf(ActionError);
    expect(http.name).toBe('NotFoundError');
    expect(contract.name).toBe('ContractError');
  });

  it('carry a cause when given one', () => {
    const cause = new Error('ConditionalCheckFailed');
    expect(new ConflictError('Already shipped.', { cause }).cause).toBe(cause);
    expect('cause' in new ConflictError('Already shipped.')).toBe(false);
  });

  it('build the one INVALID_PARAMETER body from issues: the first names field and allowed, all are listed', () => {
    const city = { field: 'city', message: "'city' is missing. Allowed: a string.", allowed: 'a string' };
    const zip = { field: 'zip', message: "'zip' is too long. Allowed: 5 digits.", allowed: '5 digits' };
    expect(new InvalidParameterError([city]).toBody()).toEqual({
      error: 'INVALID_PARAMETER',
      message: city.message,
      field: 'city',
      allowed: 'a string',
      errors: [city],
    });
    const two = new InvalidParameterError([city, zip], { code: 'INVALID_ADDRESS' });
    expect(two.statusCode).toBe(400);
    expect(two.toBody()).toMatchObject({
      error: 'INVALID_ADDRESS',
      message: `2 fields are invalid. ${city.message} ${zip.message}`,
      field: 'city',
      errors: [city, zip],
    });
  });
});
