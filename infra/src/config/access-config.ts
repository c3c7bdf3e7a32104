// The `github` and per-environment `access` keys: how CI and Terraform reach each account. The rules cross keys
// (a role's account against the environment's and the state's), so they live apart from the field tables.
import { partitionOf } from '../iam/arn';
import { type ConfigReader, type FieldReader, type FieldReaders, field, type Json } from './config-reader';
import { ACCOUNT_ID_PATTERN, REGION_PATTERN, ROLE_ARN_PATTERN } from './rules';
import type { AccessConfig, GitHubConfig, InfraConfig } from './types';

const ROLE_ARN_EXPECTED = 'an IAM role ARN (arn:aws:iam::<account>:role/<name>)';

export const ACCESS_MODES = ['direct', 'assume-role'] as const;

export const GITHUB_FIELDS: FieldReaders<GitHubConfig> = {
  owner: field.string(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub user or organisation name'),
  repository: field.string(/^[A-Za-z0-9._-]{1,100}$/, 'a GitHub repository name'),
};

/**
 * `access` of one environment: `{ mode, planRoleArn, applyRoleArn, assumeRoleArn?, stateRoleArn? }`. The plan,
 * apply and assumed roles must be in the environment's account and partition; `assumeRoleArn` is required by mode
 * `assume-role` and refused by mode `direct`. (The state role's account is checked against the state's by
 * checkStateRoleAccounts, once both sections are read.)
 */
export const readAccess: FieldReader<AccessConfig> = (reader, environmentDoc, environmentPath, key) => {
  const path = `${environmentPath}.${key}`;
  const doc = reader.object(environmentDoc[key], path);
  if (doc === undefined) return undefined;
  const accountId = validOrUndefined(environmentDoc.accountId, ACCOUNT_ID_PATTERN);
  const region = validOrUndefined(environmentDoc.region, REGION_PATTERN);
  const inEnvironment: FieldReader<string> = (r, d, p, k) => readRoleArn(r, d, p, k, { accountId, region });
  const anywhere: FieldReader<string> = (r, d, p, k) => readRoleArn(r, d, p, k, { region });

  const { values, complete } = reader.eachField<AccessConfig>(
    doc,
    path,
    {
      mode: field.oneOf(ACCESS_MODES),
      planRoleArn: inEnvironment,
      applyRoleArn: inEnvironment,
      assumeRoleArn: inEnvironment,
      stateRoleArn: anywhere,
    },
    { onlyPresent: true },
  );
  let ok = complete;
  for (const required of ['mode', 'planRoleArn', 'applyRoleArn'] as const) {
    if (doc[required] === undefined) {
      reader.problem(`${path}.${required}`, 'is missing');
      ok = false;
    }
  }
  if (values.mode === 'assume-role' && doc.assumeRoleArn === undefined) {
    reader.problem(
      `${path}.assumeRoleArn`,
      'is missing; mode assume-role needs the role the provider assumes',
    );
    ok = false;
  }
  if (values.mode === 'direct' && doc.assumeRoleArn !== undefined) {
    reader.problem(
      `${path}.assumeRoleArn`,
      'is only for mode assume-role (mode direct uses the credentials as they are)',
    );
    ok = false;
  }
  return ok ? (values as AccessConfig) : undefined;
};

/** Each environment's `stateRoleArn` must be a role of the state account. */
export function checkStateRoleAccounts(reader: ConfigReader, config: InfraConfig): void {
  for (const environment of config.environments) {
    const arn = environment.access.stateRoleArn;
    const accountId = arn === undefined ? undefined : ROLE_ARN_PATTERN.exec(arn)?.[2];
    if (accountId === undefined || accountId === config.state.accountId) continue;
    reader.problem(
      `$.environments.${environment.name}.access.stateRoleArn`,
      `role in account ${accountId}, not in the state account ${config.state.accountId}`,
    );
  }
}

function readRoleArn(
  reader: ConfigReader,
  doc: Json,
  path: string,
  key: string,
  expected: { readonly accountId?: string | undefined; readonly region?: string | undefined },
): string | undefined {
  const arn = reader.string(doc, path, key, ROLE_ARN_PATTERN, ROLE_ARN_EXPECTED);
  if (arn === undefined) return undefined;
  const [, partition, accountId] = ROLE_ARN_PATTERN.exec(arn)!;
  if (expected.accountId !== undefined && accountId !== expected.accountId) {
    reader.problem(
      `${path}.${key}`,
      `role in account ${accountId}, not in the environment account ${expected.accountId}`,
    );
    return undefined;
  }
  if (expected.region !== undefined && partition !== partitionOf(expected.region)) {
    reader.problem(`${path}.${key}`, `partition ${partition} does not match the region ${expected.region}`);
    return undefined;
  }
  return arn;
}

function validOrUndefined(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

/** The role name of a role ARN this module accepted. */
export function roleNameOf(roleArn: string): string {
  return roleArn.slice(roleArn.lastIndexOf('/') + 1);
}
