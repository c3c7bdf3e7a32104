import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPO_ROOT } from '../paths';
import { guardPlan } from './plan-guard';
import { reportPlanGuard } from './plan-guard-report';
import {
  defaultPlanFile,
  planWorkDir,
  type SavedPlanFiles,
  type SavedPlanMetadata,
  savedPlanFiles,
  writeSavedPlanMetadata,
} from './saved-plan-files';
import { synthHash } from './synth-hash';
import { countPlannedChanges, formatCounts, type PlanJson } from './terraform/plan-summary';
import { StackTerraform } from './terraform/stack-terraform';
import { prepareWorkingCopy } from './terraform/working-copy';

export interface MakeSavedPlanOptions {
  /** The synthesized app (manifest.json, stacks/<stack>/...). */
  readonly synthDir: string;
  readonly stack: string;
  /** The account of the credentials (already checked to be the environment's), recorded for apply. */
  readonly account: string;
  readonly region: string;
  /** Environment of the terraform processes. */
  readonly env: NodeJS.ProcessEnv;
  /** Addresses of stateful resources the plan may destroy or replace (`--allow-destroy`). */
  readonly allowDestroy: readonly string[];
  readonly print: (text: string) => void;
  /** @default cdktf.out/plans/<stack>.tfplan */
  readonly planFile?: string;
  /** @default cdktf.out/plans/<stack> */
  readonly workDir?: string;
  /** A plan that destroys the stack (`plan -destroy`); the plan guard does not apply. @default false */
  readonly destroy?: boolean;
  /** Flags for init (`-migrate-state -force-copy` moves the bootstrap state). @default ['-reconfigure'] */
  readonly initFlags?: readonly string[];
  /** @default false */
  readonly color?: boolean;
  /** Stream terraform's plan output as it comes. @default false */
  readonly stream?: boolean;
}

export interface SavedPlan {
  readonly files: SavedPlanFiles;
  readonly metadata: SavedPlanMetadata;
  readonly plan: PlanJson;
}

/**
 * Plans one stack into a saved plan file, in the working copy apply will use, and writes beside it the plan as
 * JSON, a summary for the reviewer, and the metadata apply checks (account, synth hash, guard verdict...).
 */
export async function makeSavedPlan(options: MakeSavedPlanOptions): Promise<SavedPlan> {
  const { stack, print } = options;
  const files = savedPlanFiles(resolve(options.planFile ?? defaultPlanFile(options.synthDir, stack)));
  const workDir = resolve(options.workDir ?? planWorkDir(options.synthDir, stack));
  mkdirSync(dirname(files.plan), { recursive: true });
  prepareWorkingCopy({ synthDir: options.synthDir, stack, dir: workDir });
  const terraform = new StackTerraform({
    stack,
    dir: workDir,
    env: options.env,
    color: options.color ?? false,
    stream: options.stream ?? false,
    log: print,
  });
  await terraform.init(options.initFlags);
  const destroy = options.destroy ?? false;
  const planned = await terraform.run('plan', [...(destroy ? ['-destroy'] : []), `-out=${files.plan}`]);
  if (options.stream !== true && planned.stdout !== '') print(planned.stdout.trimEnd());
  terraform.assertSucceeded('plan', planned);
  const { json, plan } = await terraform.showPlan<PlanJson>(files.plan);
  writeFileSync(files.json, json);

  const counts = countPlannedChanges(plan);
  const verdict = destroy ? { blocked: [], allowed: [] } : guardPlan(plan, new Set(options.allowDestroy));
  const guardLines: string[] = [];
  let guardOk = true;
  if (destroy)
    guardLines.push('plan guard: not applied to a destroy plan (prevent_destroy still protects production)');
  else guardOk = reportPlanGuard([{ stack, plan }], options.allowDestroy, (line) => guardLines.push(line));
  const summary = [
    `${destroy ? 'destroy plan' : 'plan'}: ${stack}  ${formatCounts(counts)}`,
    ...changeLines(plan),
    ...guardLines,
  ].join('\n');
  writeFileSync(files.summary, `${summary}\n`);
  const versions = await terraform.versions();
  const metadata: SavedPlanMetadata = {
    stack,
    kind: destroy ? 'destroy' : 'apply',
    account: options.account,
    region: options.region,
    gitCommit: gitCommit(),
    synthHash: synthHash(options.synthDir, stack),
    terraformVersion: versions.terraform,
    providers: versions.providers,
    createdAt: new Date().toISOString(),
    workDir,
    counts,
    guard: { ok: guardOk, blocked: verdict.blocked, allowed: verdict.allowed },
  };
  writeSavedPlanMetadata(files.plan, metadata);
  print(`\n${summary}`);
  print(`saved plan: ${files.plan} (with .json, .summary.txt, .meta.json beside it)`);
  return { files, metadata, plan };
}

/** One line per resource the plan changes: `+ create`, `~ update`, `-/+ replace`, `- delete`. */
function changeLines(plan: PlanJson): string[] {
  return (plan.resource_changes ?? []).flatMap(({ address, change }) => {
    const { actions } = change;
    if (actions.includes('create') && actions.includes('delete')) return [`  -/+ ${address} (replace)`];
    if (actions.includes('create')) return [`  + ${address}`];
    if (actions.includes('update')) return [`  ~ ${address}`];
    if (actions.includes('delete')) return [`  - ${address}`];
    return [];
  });
}

function gitCommit(): string {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return `${head.stdout.trim()}${status.stdout.trim() === '' ? '' : '+dirty'}`;
}
