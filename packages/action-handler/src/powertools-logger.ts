import { Logger } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions } from '@aws-lambda-powertools/logger/types';

/** Loaded by create-logger.ts on first use only; see there. */
export function newPowertoolsLogger(options: ConstructorOptions): Logger {
  return new Logger(options);
}
