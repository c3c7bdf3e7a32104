import { InfraError } from '../errors';

// The SDK's warning about Node < 22 would be printed on every command; the README states the Node versions.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * Runs an operator command's `main` and turns every failure into one line on standard error and exit code 1:
 * our own errors by their message, anything else by its name and message (ORDER_AGENT_DEBUG=1 adds the stack).
 */
export function commandMain(name: string, main: (argv: readonly string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${name}: ${describeError(error)}`);
      if (process.env.ORDER_AGENT_DEBUG && error instanceof Error) console.error(error.stack);
      process.exitCode = 1;
    },
  );
}

export function describeError(error: unknown): string {
  if (error instanceof InfraError) return error.message;
  if (error instanceof Error) return `unexpected ${error.name}: ${error.message.split('\n')[0]}`;
  return `unexpected failure: ${String(error)}`;
}
