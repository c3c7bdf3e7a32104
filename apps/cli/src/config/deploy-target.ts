import { ConfigError } from '../errors';
import type { CliIo } from '../types';
import { locateDeployOutputs, readDeployOutputs, type StackOutputs, selectStack } from './deploy-outputs';

/** An id a command needs, and where it may come from. */
export interface TargetId<K extends keyof StackOutputs> {
  /** The field of the deploy outputs that holds it. */
  readonly output: K;
  readonly label: string;
  readonly flag: string;
  readonly env: string;
}

/** The ids found, and the region that goes with them. */
export type ResolvedTarget<K extends keyof StackOutputs> = Record<K, string> & { readonly region?: string };

export interface TargetFlags {
  /** The values of the ids' flags, by output field. */
  readonly ids: Readonly<Partial<Record<keyof StackOutputs, string>>>;
  readonly env?: string;
  readonly region?: string;
}

/**
 * The one lookup order for everything the CLI reads from a deployment (invoke, eval and kb sync alike):
 * 1. the flag; 2. its ORDER_AGENT_* variable; 3. the deploy outputs file, which is $ORDER_AGENT_OUTPUTS_FILE,
 * else the nearest deploy-outputs.json from the working directory up to the repository root, stack chosen by
 * --env, else $ORDER_AGENT_ENV, else the only stack in the file.
 * The region is --region, else the outputs file's region when the file supplied an id, else the SDK's chain.
 */
export function resolveDeployTarget<K extends keyof StackOutputs>(
  ids: readonly TargetId<K>[],
  flags: TargetFlags,
  io: CliIo,
): ResolvedTarget<K> {
  const found = new Map<K, string>();
  for (const id of ids) {
    const value = nonEmpty(flags.ids[id.output]) ?? nonEmpty(io.env[id.env]);
    if (value) found.set(id.output, value);
  }
  let region = nonEmpty(flags.region);
  let outputsFile: string | undefined;
  if (found.size < ids.length) {
    outputsFile = locateDeployOutputs(io.cwd, io.env);
    if (outputsFile) {
      const environment = nonEmpty(flags.env) ?? nonEmpty(io.env.ORDER_AGENT_ENV);
      const stack = selectStack(readDeployOutputs(outputsFile), environment, outputsFile);
      let supplied = false;
      for (const id of ids) {
        const value = stack[id.output];
        if (!found.has(id.output) && value) {
          found.set(id.output, value);
          supplied = true;
        }
      }
      if (supplied) region ??= stack.region;
    }
  }
  const missing = ids
    .filter((id) => !found.has(id.output))
    .map((id) => `${id.label} (--${id.flag} or ${id.env})`);
  if (missing.length > 0) {
    const them = missing.length > 1 ? 'them' : 'it';
    const where = outputsFile
      ? `, and ${outputsFile} does not provide ${them}`
      : ', or deploy so deploy-outputs.json exists (or set ORDER_AGENT_OUTPUTS_FILE)';
    throw new ConfigError(`missing ${missing.join(' and ')}: set ${them}${where}`);
  }
  return { ...(Object.fromEntries(found) as Record<K, string>), ...(region ? { region } : {}) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
