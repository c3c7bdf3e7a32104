import { oneLine } from '../errors';
import type { EndpointGuard } from './endpoint-guard';

/** The parts of an SDK v3 client the checks use. */
export interface CheckedClient {
  readonly config: { region(): Promise<string>; credentials(): Promise<unknown> };
  send(command: never): Promise<unknown>;
}

/** A command whose middleware stack can take one more step (every SDK v3 command). */
export interface ProbeCommand {
  readonly middlewareStack: { add(middleware: unknown, options: { step: 'build'; priority: 'high' }): void };
}

/** Thrown by the probe middleware to stop a request once the SDK has decided where it would go. */
class EndpointFound extends Error {
  constructor(readonly endpoint: string) {
    super(endpoint);
  }
}

/**
 * What stands between this client and its first request, one problem per entry, without sending anything:
 * the region and the credentials as the SDK's chains resolve them, and (when `probe` is given) the endpoint
 * the SDK would call for `probe`, which must accept a connection within the connect timeout.
 */
export async function preflightProblems(
  client: CheckedClient,
  guard: EndpointGuard,
  probe?: ProbeCommand,
): Promise<string[]> {
  const problems: string[] = [];
  let regionKnown = true;
  try {
    await client.config.region();
  } catch {
    regionKnown = false;
    problems.push(
      'no AWS region: pass --region, set AWS_REGION, or use a profile (--profile, AWS_PROFILE) with one',
    );
  }
  try {
    await client.config.credentials();
  } catch (error) {
    problems.push(
      `no AWS credentials (${oneLine((error as Error).message)}): set AWS_PROFILE (or --profile) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY`,
    );
  }
  if (probe && regionKnown) {
    try {
      await guard.connectable(await endpointFor(client, probe));
    } catch (error) {
      problems.push(oneLine((error as Error).message));
    }
  }
  return problems;
}

/** The endpoint the SDK would send `command` to (its endpoint rules, variables and profile), found by stopping the request before it is signed. */
async function endpointFor(client: CheckedClient, command: ProbeCommand): Promise<string> {
  command.middlewareStack.add(
    () => (args: { request?: { protocol?: string; hostname?: string; port?: number } }) => {
      const request = args.request;
      throw new EndpointFound(
        `${request?.protocol ?? 'https:'}//${request?.hostname ?? ''}${request?.port ? `:${request.port}` : ''}`,
      );
    },
    { step: 'build', priority: 'high' },
  );
  try {
    await client.send(command as never);
  } catch (error) {
    if (error instanceof EndpointFound) return error.endpoint;
    throw error;
  }
  throw new Error('the SDK sent the probe request');
}
