// The only place that knows the shape of the deploy outputs file, so a change in the infra's outputs is a
// change here alone. Accepted: `{ "<stack>": { "<output>": value } }` as `cdktf deploy --outputs-file` writes it,
// with output values either plain or wrapped as `{ "value": ... }` (`terraform output -json`), and output names
// in snake_case, camelCase or kebab-case, possibly prefixed (`order_agent_agent_id`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors';

export const DEPLOY_OUTPUTS_FILE_NAME = 'deploy-outputs.json';
export const STACK_NAME_PREFIX = 'order-agent-';

/** What one deployed stack tells the CLI. */
export interface StackOutputs {
  readonly stackName: string;
  readonly agentId?: string;
  readonly agentAliasId?: string;
  readonly guardrailId?: string;
  readonly guardrailVersion?: string;
  readonly knowledgeBaseId?: string;
  readonly dataSourceId?: string;
  readonly region?: string;
}

/** The ids the CLI reads from a stack's outputs, by the output name they are matched against. */
const OUTPUT_NAMES = {
  agentId: 'agentid',
  agentAliasId: 'agentaliasid',
  knowledgeBaseId: 'knowledgebaseid',
  dataSourceId: 'datasourceid',
  guardrailId: 'guardrailid',
  guardrailVersion: 'guardrailversion',
  region: 'region',
} as const satisfies Record<Exclude<keyof StackOutputs, 'stackName'>, string>;

/** `ORDER_AGENT_OUTPUTS_FILE`, else the nearest deploy-outputs.json from `cwd` up to the repository root. */
export function locateDeployOutputs(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const configured = env.ORDER_AGENT_OUTPUTS_FILE;
  if (configured) return resolve(cwd, configured);
  let directory = resolve(cwd);
  for (;;) {
    const candidate = join(directory, DEPLOY_OUTPUTS_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory || isRepositoryRoot(directory)) return undefined;
    directory = parent;
  }
}

export function readDeployOutputs(file: string): StackOutputs[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`cannot read deploy outputs file ${file}: ${reason}`, { cause: error });
  }
  if (!isRecord(parsed)) throw new ConfigError(`deploy outputs file ${file} is not a JSON object of stacks`);
  return Object.entries(parsed)
    .filter(([, outputs]) => isRecord(outputs))
    .map(([stackName, outputs]) => {
      const stack: Record<string, string> = { stackName };
      for (const [key, wanted] of Object.entries(OUTPUT_NAMES)) {
        const value = findOutput(outputs as Record<string, unknown>, wanted);
        if (value !== undefined) stack[key] = value;
      }
      return stack as unknown as StackOutputs;
    });
}

/** Picks the stack for `environment` (`dev` or `order-agent-dev`), or the only stack when none is named. */
export function selectStack(
  stacks: StackOutputs[],
  environment: string | undefined,
  file: string,
): StackOutputs {
  const names = stacks.map((stack) => stack.stackName).join(', ') || 'none';
  if (environment) {
    const wanted = [environment, `${STACK_NAME_PREFIX}${environment}`];
    const stack = stacks.find((candidate) => wanted.includes(candidate.stackName));
    if (!stack)
      throw new ConfigError(`no stack for environment "${environment}" in ${file} (stacks: ${names})`);
    return stack;
  }
  const [only, ...others] = stacks;
  if (!only) throw new ConfigError(`deploy outputs file ${file} holds no stacks`);
  if (others.length > 0) {
    throw new ConfigError(`${file} holds several stacks (${names}); pick one with --env or ORDER_AGENT_ENV`);
  }
  return only;
}

function findOutput(outputs: Record<string, unknown>, wanted: string): string | undefined {
  const entries = Object.entries(outputs).map(([key, value]) => [normalise(key), unwrap(value)] as const);
  const exact = entries.find(([key, value]) => key === wanted && value !== undefined);
  if (exact) return exact[1];
  return entries.find(([key, value]) => key.endsWith(wanted) && value !== undefined)?.[1];
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function unwrap(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (isRecord(value) && typeof value.value === 'string' && value.value.length > 0) return value.value;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRepositoryRoot(directory: string): boolean {
  if (existsSync(join(directory, '.git'))) return true;
  try {
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
      workspaces?: unknown;
    };
    return manifest.workspaces !== undefined;
  } catch {
    return false;
  }
}
