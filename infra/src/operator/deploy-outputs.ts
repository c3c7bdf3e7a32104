import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { InfraError } from '../errors';

/** Stack name -> output id -> value: the shape `cdktf deploy --outputs-file` writes for stack-level outputs. */
export type DeployOutputs = Record<string, Record<string, unknown>>;

/**
 * Merges the outputs a deploy wrote (`newFile`, only the stacks of that run) into `targetFile`, so deploying
 * one environment keeps the other environments' entries. Returns the merged content.
 */
export function mergeDeployOutputs(newFile: string, targetFile: string): DeployOutputs {
  const existing = existsSync(targetFile) ? readOutputs(targetFile) : {};
  const merged = { ...existing, ...readOutputs(newFile) };
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
