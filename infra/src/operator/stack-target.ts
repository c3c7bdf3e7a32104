import { findEnvironment } from '../config/load-config';
import type { InfraConfig } from '../config/types';
import { AccountMismatchError, ConfigError } from '../errors';
import { deployAccessStackName, environmentStackName, stateStackName } from '../stacks/names';
import type { AssumedRole } from './caller-account';

/** The stack a state command or guarded plan works on, and the account and region it belongs to. */
export interface StackTarget {
  readonly stack: string;
  /** The environment name, or `state` for the bootstrap stack. */
  readonly environment: string;
  readonly accountId: string;
  readonly region: string;
  /**
   * The role the stack's provider assumes (environment stacks in `access.mode: assume-role`); the account check
   * assumes it too.
   * @default none: the provider uses the caller's credentials
   */
  readonly assumeRole?: AssumedRole;
}

const DEPLOY_ACCESS_SUFFIX = '-deploy-access';

/**
 * The stack of an environment: `dev`, `prod`..., `state` for the bootstrap stack, or a full stack name
 * (`order-agent-dev`, `order-agent-dev-deploy-access`); an unknown name is a ConfigError listing the known ones.
 */
export function resolveStackTarget(config: InfraConfig, name: string): StackTarget {
  const stackName = name.startsWith(`${config.project}-`) ? name.slice(config.project.length + 1) : name;
  const deployAccess = name.startsWith(`${config.project}-`) && stackName.endsWith(DEPLOY_ACCESS_SUFFIX);
  const environment = deployAccess ? stackName.slice(0, -DEPLOY_ACCESS_SUFFIX.length) : stackName;
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
  if (deployAccess) {
    // Applied by an administrator of the environment account: its provider assumes no role.
    return {
      stack: deployAccessStackName(config.project, found.name),
      environment: found.name,
      accountId: found.accountId,
      region: found.region,
    };
  }
  const stack = environmentStackName(config.project, found.name);
  const { assumeRoleArn } = found.access;
  return {
    stack,
    environment: found.name,
    accountId: found.accountId,
    region: found.region,
    ...(found.access.mode === 'assume-role' && assumeRoleArn !== undefined
      ? { assumeRole: { roleArn: assumeRoleArn, sessionName: `${stack}-account-check` } }
      : {}),
  };
}

/**
 * The account the commands act in: the caller's, or in mode assume-role the assumed role's; refuses (with one
 * line) unless it is the stack's account.
 */
export async function checkTargetAccount(
  target: StackTarget,
  callerAccount: (region: string, assumeRole?: AssumedRole) => Promise<string>,
): Promise<string> {
  const account = await callerAccount(target.region, target.assumeRole);
  if (account === target.accountId) return account;
  const whose =
    target.assumeRole === undefined
      ? 'the AWS credentials belong to'
      : `the role ${target.assumeRole.roleArn} assumed with these credentials belongs to`;
  throw new AccountMismatchError(
    `refusing to run: ${whose} account ${account}, but ${target.stack} lives in account ${target.accountId}; ` +
      'use credentials of that account',
  );
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
