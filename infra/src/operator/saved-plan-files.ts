import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SavedPlanError } from '../errors';
import type { DestructiveChange } from './plan-guard';
import type { PlanCounts } from './terraform/plan-summary';

/** The default saved plan of a stack: `cdktf.out/plans/<stack>.tfplan`. */
export function defaultPlanFile(synthDir: string, stack: string): string {
  return join(synthDir, 'plans', `${stack}.tfplan`);
}

/**
 * Where the stack is copied, initialised, planned and applied: `cdktf.out/plans/<stack>/`, three levels below
 * the repository root like cdktf's own stack directories, so relative paths in the configuration (the bootstrap
 * stack's local state file) mean the same thing.
 */
export function planWorkDir(synthDir: string, stack: string): string {
  return join(synthDir, 'plans', stack);
}

/** The files written beside a saved plan. */
export interface SavedPlanFiles {
  readonly plan: string;
  /** `terraform show -json` of the plan. */
  readonly json: string;
  /** What a reviewer reads: counts, the changes, the guard's verdict. */
  readonly summary: string;
  readonly metadata: string;
}

export function savedPlanFiles(plan: string): SavedPlanFiles {
  return { plan, json: `${plan}.json`, summary: `${plan}.summary.txt`, metadata: `${plan}.meta.json` };
}

/** What apply checks a saved plan against before it runs it. */
export interface SavedPlanMetadata {
  readonly stack: string;
  /** `apply` or `destroy` (a `plan -destroy`). */
  readonly kind: 'apply' | 'destroy';
  /** The account of the credentials the plan was made with (the environment's). */
  readonly account: string;
  readonly region: string;
  /** `git rev-parse HEAD`, with `+dirty` when the working tree had changes; `unknown` outside git. */
  readonly gitCommit: string;
  /** SHA-256 of the synthesized stack the plan was made from (synthHash). */
  readonly synthHash: string;
  readonly terraformVersion: string;
  /** Provider source address -> version, as `terraform version -json` reports after init. */
  readonly providers: Readonly<Record<string, string>>;
  /** ISO time the plan was made. */
  readonly createdAt: string;
  /** The working directory the plan was made in; apply runs there. */
  readonly workDir: string;
  readonly counts: PlanCounts;
  readonly guard: {
    readonly ok: boolean;
    readonly blocked: readonly DestructiveChange[];
    readonly allowed: readonly DestructiveChange[];
  };
}

export function writeSavedPlanMetadata(plan: string, metadata: SavedPlanMetadata): void {
  writeFileSync(savedPlanFiles(plan).metadata, `${JSON.stringify(metadata, null, 2)}\n`);
}

/** The metadata of a saved plan; a missing plan or metadata file is a SavedPlanError saying how to make one. */
export function readSavedPlanMetadata(plan: string): SavedPlanMetadata {
  const files = savedPlanFiles(plan);
  if (!existsSync(files.plan)) {
    throw new SavedPlanError(`no saved plan at ${plan}: make one with npm run plan -- <environment> first`);
  }
  try {
    return JSON.parse(readFileSync(files.metadata, 'utf8')) as SavedPlanMetadata;
  } catch (error) {
    throw new SavedPlanError(
      `${files.metadata} is missing or unreadable, so ${plan} cannot be checked before it is applied: plan again`,
      { cause: error },
    );
  }
}
