import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ConfigError } from '../errors';
import { DEFAULT_CONFIG_FILE, REPO_ROOT } from '../paths';
import { parseInfraConfig } from './parse-config';
import type { EnvironmentConfig, InfraConfig } from './types';

/**
 * Reads and validates the environment configuration: `ORDER_AGENT_INFRA_CONFIG` when set (another reviewed
 * file, e.g. a private one with the real account ids), else infra/config/environments.json.
 */
export function loadInfraConfig(
  file = process.env.ORDER_AGENT_INFRA_CONFIG || DEFAULT_CONFIG_FILE,
): InfraConfig {
  const source = relative(REPO_ROOT, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(source, [`cannot read the file (${(error as Error).message})`], { cause: error });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(source, [`not valid JSON (${(error as Error).message})`], { cause: error });
  }
  return parseInfraConfig(document, source);
}

/** The environment called `name`, or a ConfigError that lists the valid names. */
export function findEnvironment(config: InfraConfig, name: string): EnvironmentConfig {
  const found = config.environments.find((environment) => environment.name === name);
  if (found !== undefined) return found;
  const names = config.environments.map((environment) => environment.name).join(', ');
  throw new ConfigError('environment name', [
    `no environment named ${JSON.stringify(name)} (known: ${names})`,
  ]);
}
