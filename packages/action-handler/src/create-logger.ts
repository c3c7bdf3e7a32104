import type { Logger } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions } from '@aws-lambda-powertools/logger/types';

/**
 * A Powertools Logger, with the library loaded by this first call rather than when the bundle loads: most requests
 * log nothing, and loading it is ~3 ms of a Lambda cold start (docs/benchmarks.md). In the CommonJS bundles this
 * package goes into, esbuild turns the `require` into a module evaluated on first use.
 */
export function createLogger(options: ConstructorOptions): Logger {
  const { newPowertoolsLogger } = require('./powertools-logger') as typeof import('./powertools-logger');
  return newPowertoolsLogger(options);
}
