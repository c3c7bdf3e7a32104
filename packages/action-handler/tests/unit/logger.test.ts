import { Logger } from '@aws-lambda-powertools/logger';
import { ActionRouter, createLogger } from '../../src';
import { readAnswer } from '../../src/testing';
import { capturedLogger, silentLogger } from '../fixtures/logs';
import { getOrderStatusEvent, orderStatusApi as schema } from '../fixtures/order-status-api';

// The router creates its logger when something is first logged: most requests log nothing, and a Powertools
// Logger made at start-up is part of a Lambda's cold start.

const getOrder = getOrderStatusEvent;

function routerWith(logger: () => Logger, handler: (orderId: string) => unknown) {
  return new ActionRouter<{ getOrderStatus: { params: { orderId: string }; body: undefined } }>({
    schema,
    logger,
    operations: { getOrderStatus: (request) => handler(request.params.orderId) as never },
  });
}

describe('the router logger', () => {
  it('is not created for requests that log nothing', async () => {
    const create = jest.fn(silentLogger);
    const router = routerWith(create, (orderId) => ({ body: { orderId } }));
    expect(readAnswer(await router.resolve(getOrder('ORD-1001'))).status).toBe(200);
    expect(create).not.toHaveBeenCalled();
  });

  it('is created once, on the first thing logged, and kept', async () => {
    const create = jest.fn(silentLogger);
    const router = routerWith(create, () => {
      throw new Error('table is gone');
    });
    await router.resolve(getOrder('ORD-1001'));
    await router.resolve(getOrder('ORD-1002'));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("is created when a handler first reads request.logger, and is the router's", async () => {
    const logs = capturedLogger();
    try {
      const create = jest.fn(() => logs.logger);
      const seen: Logger[] = [];
      const router = new ActionRouter({
        schema,
        logger: create,
        operations: {
          getOrderStatus: (request) => {
            expect(create).not.toHaveBeenCalled();
            seen.push(request.logger);
            request.logger.info('looked up', { orderId: request.params.orderId });
            return { body: {} };
          },
        },
      });
      await router.resolve(getOrder('ORD-1001'));
      expect(create).toHaveBeenCalledTimes(1);
      expect(seen).toEqual([logs.logger]);
      expect(logs.entries()).toEqual([
        expect.objectContaining({ message: 'looked up', orderId: 'ORD-1001' }),
      ]);
    } finally {
      logs.restore();
    }
  });

  it('may be given as a Logger, used as it is', async () => {
    const logs = capturedLogger('ERROR');
    try {
      const router = new ActionRouter({
        schema,
        logger: logs.logger,
        operations: {
          getOrderStatus: () => {
            throw new Error('table is gone');
          },
        },
      });
      expect(readAnswer(await router.resolve(getOrder('ORD-1001'))).status).toBe(500);
      expect(logs.entries()).toEqual([
        expect.objectContaining({ level: 'ERROR', message: 'The handler threw an unexpected error' }),
      ]);
    } finally {
      logs.restore();
    }
  });

  it('defaults to a Powertools Logger for service action-handler', async () => {
    const logs = capturedLogger();
    try {
      const router = new ActionRouter({
        schema,
        operations: {
          getOrderStatus: () => {
            throw new Error('table is gone');
          },
        },
      });
      await router.resolve(getOrder('ORD-1001'));
      expect(logs.entries()).toEqual([
        expect.objectContaining({ level: 'ERROR', service: 'action-handler' }),
      ]);
    } finally {
      logs.restore();
    }
  });
});

describe('createLogger', () => {
  it('makes a Powertools Logger with the options given', () => {
    const logger = createLogger({ serviceName: 'order-actions', logLevel: 'WARN' });
    expect(logger.getLevelName()).toBe('WARN');
    expect(logger).toBeInstanceOf(Logger);
  });
});
