import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { InfraError } from '../errors';

/** Stack name -> output name -> value (the shape `cdktf deploy --outputs-file` wrote, which the CLI reads). */
export type DeployOutputs = Record<string, Record<string, unknown>>;

/**
 * Merges the outputs of the stacks an apply just changed into `targetFile`, so applying one environment keeps
 * the other environments' entries. Returns the merged content.
 */
export function mergeDeployOutputs(fresh: DeployOutputs, targetFile: string): DeployOutputs {
  const existing = existsSync(targetFile) ? readOutputs(targetFile) : {};
  const merged = { ...existing, ...fresh };
  writeFileSync(targetFile, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

function readOutputs(file: string): DeployOutputs {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InfraError(`${file} is not readable JSON: ${(error as Error).message}`, { cause: error });
  }
  const isObject = (item: unknown): item is Record<string, unknown> =>
    typeof item === 'object' && item !== null && !Array.isArray(item);
  if (!isObject(value) || !Object.values(value).every(isObject)) {
    throw new InfraError(`${file} is not a JSON object of stacks and their outputs`);
  }
  return value as DeployOutputs;
}
