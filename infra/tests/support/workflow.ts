import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../src/paths';

// A GitHub Actions workflow read as data, for the checks in tests/workflow: only the parts they look at.
export interface WorkflowStep {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly if?: string;
}

export interface WorkflowJob {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { name: string };
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { group: string; 'cancel-in-progress'?: boolean | string };
  readonly strategy?: { matrix?: { include?: Array<Record<string, string>> } };
  readonly steps: WorkflowStep[];
}

export interface Workflow {
  readonly name: string;
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, WorkflowJob>;
}

/** Parses a YAML file of the repository; a syntax error fails with the parser's message (line and column). */
export function readYaml<T>(relativePath: string): { document: T; text: string } {
  const text = readFileSync(join(REPO_ROOT, relativePath), 'utf8');
  return { document: parse(text, { strict: true, uniqueKeys: true }) as T, text };
}

export function needsOf(job: WorkflowJob): string[] {
  return job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : job.needs;
}

/** Every job `name` waits for, directly or through others. */
export function upstreamJobs(workflow: Workflow, name: string, seen = new Set<string>()): Set<string> {
  for (const need of needsOf(workflow.jobs[name]!)) {
    if (seen.has(need)) continue;
    seen.add(need);
    upstreamJobs(workflow, need, seen);
  }
  return seen;
}

/** The steps of a job with the steps of the local composite actions it uses spliced in. */
export function expandedSteps(job: WorkflowJob): WorkflowStep[] {
  return job.steps.flatMap((step) => {
    if (step.uses?.startsWith('./') !== true) return [step];
    const action = readYaml<{ runs: { steps: WorkflowStep[] } }>(join(step.uses, 'action.yml')).document;
    return action.runs.steps;
  });
}

/** `npm run <script>` and `npm <command>` invocations of a run block: the script or command names. */
export function npmInvocations(run: string): { scripts: string[]; commands: string[] } {
  const scripts = [...run.matchAll(/\bnpm run(?:-script)? ([\w:.-]+)/g)].map((match) => match[1]!);
  const commands = [...run.matchAll(/\bnpm (?!run\b)([\w-]+)/g)].map((match) => match[1]!);
  return { scripts, commands };
}

/** Whether a local action directory exists (`./.github/actions/x`). */
export function localActionExists(uses: string): boolean {
  return existsSync(join(REPO_ROOT, uses, 'action.yml'));
}
