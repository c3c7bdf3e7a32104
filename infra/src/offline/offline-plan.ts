import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { OfflinePlanError } from '../errors';
import { OFFLINE_OVERRIDE_FILE, offlineOverride } from './offline-override';
import { countPlannedChanges, type PlanCounts, type PlanJson } from './plan-summary';
import { inPool, type ProcessResult, runProcess } from './run-process';
import { terraformBinary, terraformEnvironment } from './terraform-env';

export interface OfflinePlanOptions {
  /** The synth output directory: holds manifest.json and stacks/<stack>/cdk.tf.json. */
  readonly synthDir: string;
  /**
   * Where each stack is copied, initialised and planned (never in the synthesized stack directory, so a later
   * `cdktf deploy` cannot pick up the offline override).
   * @default <synthDir>/offline-plan
   */
  readonly workDir?: string;
  /**
   * Stacks to plan.
   * @default every stack in the manifest
   */
  readonly stacks?: readonly string[];
  /**
   * Stacks initialised, validated and planned at the same time (the first init runs alone first).
   * @default 3
   */
  readonly concurrency?: number;
  /**
   * Progress lines.
   * @default no output
   */
  readonly log?: (line: string) => void;
}

export interface StackPlan {
  readonly stack: string;
  readonly counts: PlanCounts;
  /** `terraform show -json` of the saved plan. */
  readonly planJsonFile: string;
  readonly seconds: number;
}

interface Manifest {
  readonly stacks: Record<
    string,
    { readonly workingDirectory: string; readonly synthesizedStackPath: string }
  >;
}

/** Validates and plans every synthesized stack with no AWS account: see offlineOverride(). */
export async function planOffline(options: OfflinePlanOptions): Promise<StackPlan[]> {
  const manifest = readManifest(options.synthDir);
  const stacks = options.stacks ?? Object.keys(manifest.stacks);
  const unknown = stacks.filter((stack) => manifest.stacks[stack] === undefined);
  if (unknown.length > 0) throw new OfflinePlanError(`no synthesized stack named ${unknown.join(', ')}`);
  const terraformEnv = terraformEnvironment();
  try {
    return await planStacks(options, manifest, stacks, terraformEnv.env);
  } finally {
    terraformEnv.dispose();
  }
}

async function planStacks(
  options: OfflinePlanOptions,
  manifest: Manifest,
  stacks: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<StackPlan[]> {
  const log = options.log ?? (() => {});
  const workDir = options.workDir ?? join(options.synthDir, 'offline-plan');
  const binary = terraformBinary();
  const terraform = async (stack: string, cwd: string, args: readonly string[]): Promise<ProcessResult> => {
    const result = await runProcess(binary, args, { cwd, env });
    if (result.code !== 0 && args[0] !== 'validate') {
      throw new OfflinePlanError(
        `${stack}: terraform ${args[0]} failed:\n${lastLines(result.stderr || result.stdout)}`,
      );
    }
    return result;
  };

  const prepared = stacks.map((stack) => ({
    stack,
    dir: prepareWorkingCopy(options.synthDir, manifest, stack, join(workDir, stack)),
  }));
  const init = async ({ stack, dir }: { stack: string; dir: string }): Promise<void> => {
    log(`${stack}: init`);
    await terraform(stack, dir, ['init', '-input=false', '-no-color', '-reconfigure']);
  };
  const planStack = async (
    { stack, dir }: { stack: string; dir: string },
    initialised: boolean,
  ): Promise<StackPlan> => {
    const started = Date.now();
    if (!initialised) await init({ stack, dir });
    log(`${stack}: validate`);
    assertValid(stack, await terraform(stack, dir, ['validate', '-no-color', '-json']));
    log(`${stack}: plan`);
    await terraform(stack, dir, [
      'plan',
      '-input=false',
      '-no-color',
      '-lock=false',
      '-refresh=false',
      '-out=tfplan',
    ]);
    const shown = await terraform(stack, dir, ['show', '-no-color', '-json', 'tfplan']);
    const planJsonFile = join(workDir, `${stack}.plan.json`);
    writeFileSync(planJsonFile, shown.stdout);
    const counts = countPlannedChanges(JSON.parse(shown.stdout) as PlanJson);
    return { stack, counts, planJsonFile, seconds: (Date.now() - started) / 1000 };
  };

  // The first init runs alone: it fills the plugin cache, and concurrent installs into the cache are not safe.
  // The other inits then only link from the cache, so everything else runs side by side.
  const [first] = prepared;
  if (first === undefined) return [];
  await init(first);
  return inPool(
    prepared.map((entry) => () => planStack(entry, entry === first)),
    options.concurrency ?? 3,
  );
}

function readManifest(synthDir: string): Manifest {
  const file = join(synthDir, 'manifest.json');
  if (!existsSync(file)) throw new OfflinePlanError(`${file} is missing: synthesize first (npm run synth)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Copies the stack (configuration and assets) next to the previous run's .terraform, and adds the override. */
function prepareWorkingCopy(synthDir: string, manifest: Manifest, stack: string, dir: string): string {
  const entry = manifest.stacks[stack]!;
  if (!entry.synthesizedStackPath.endsWith('.json')) {
    throw new OfflinePlanError(`${stack}: the offline plan reads JSON synth output, not HCL`);
  }
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name !== '.terraform' && name !== '.terraform.lock.hcl')
      rmSync(join(dir, name), { recursive: true, force: true });
  }
  const source = join(synthDir, entry.workingDirectory);
  cpSync(source, dir, {
    recursive: true,
    // Leave out what a real `cdktf deploy` may have left in the stack directory.
    filter: (path) =>
      !['.terraform', '.terraform.lock.hcl'].includes(basename(path)) && !/\.tfstate/.test(path),
  });
  const synthesized = JSON.parse(readFileSync(join(synthDir, entry.synthesizedStackPath), 'utf8'));
  writeFileSync(
    join(dir, OFFLINE_OVERRIDE_FILE),
    `${JSON.stringify(offlineOverride(synthesized), null, 2)}\n`,
  );
  return dir;
}

function assertValid(stack: string, result: ProcessResult): void {
  let report: {
    valid?: boolean;
    diagnostics?: Array<{ severity: string; summary: string; detail?: string }>;
  };
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new OfflinePlanError(
      `${stack}: terraform validate failed:\n${lastLines(result.stderr || result.stdout)}`,
    );
  }
  if (report.valid === true && result.code === 0) return;
  const errors = (report.diagnostics ?? [])
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${diagnostic.summary}${diagnostic.detail ? `: ${diagnostic.detail}` : ''}`);
  throw new OfflinePlanError(`${stack}: terraform validate found errors:\n${errors.join('\n')}`);
}

function lastLines(text: string, count = 40): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
