import { findEnvironment } from '../config/load-config';
import type { InfraConfig } from '../config/types';
import { ConfigError } from '../errors';
import { environmentStackName, stateStackName } from '../stacks/names';

/** The stack a state command or guarded plan works on, and the account and region it belongs to. */
export interface StackTarget {
  readonly stack: string;
  /** The environment name, or `state` for the bootstrap stack. */
  readonly environment: string;
  readonly accountId: string;
  readonly region: string;
}

/**
 * The stack of an environment: `dev`, `prod`..., `state` for the bootstrap stack, or a full stack name
 * (`order-agent-dev`); an unknown name is a ConfigError listing the known ones.
 */
export function resolveStackTarget(config: InfraConfig, name: string): StackTarget {
  const environment = name.startsWith(`${config.project}-`) ? name.slice(config.project.length + 1) : name;
  if (environment === 'state') {
    return {
      stack: stateStackName(config.project),
      environment,
      accountId: config.state.accountId,
      region: config.state.region,
    };
  }
  if (!config.environments.some((known) => known.name === environment)) {
    const known = [...config.environments.map((known) => known.name), 'state'].join(', ');
    throw new ConfigError('target', [
      `no environment or stack named ${JSON.stringify(name)} (known: ${known})`,
    ]);
  }
  const found = findEnvironment(config, environment);
  return {
    stack: environmentStackName(config.project, found.name),
    environment: found.name,
    accountId: found.accountId,
    region: found.region,
  };
}

/** The backend block of a synthesized stack (`terraform.backend`), as `{ <type>: settings }`. */
export function synthesizedBackend(
  synthesized: Record<string, unknown>,
): Record<string, Record<string, unknown>> {
  const terraform = synthesized.terraform as
    | { backend?: Record<string, Record<string, unknown>> }
    | undefined;
  return terraform?.backend ?? { local: {} };
}

/** One line naming where the state lives: `s3://bucket/key (region)` or `local file <path>`. */
export function describeBackend(backend: Record<string, Record<string, unknown>>): string {
  const [type, settings] = Object.entries(backend)[0] ?? ['local', {}];
  if (type === 's3')
    return `s3://${String(settings.bucket)}/${String(settings.key)} (${String(settings.region)})`;
  if (type === 'local') return `local file ${String(settings.path ?? 'terraform.tfstate')}`;
  return `${type} backend ${JSON.stringify(settings)}`;
}
