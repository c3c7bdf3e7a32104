import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadInfraConfig } from '../../src/config/load-config';
import { DEFAULT_CONFIG_FILE, REPO_ROOT } from '../../src/paths';
import { environmentStackName } from '../../src/stacks/names';
import {
  expandedSteps,
  localActionExists,
  needsOf,
  npmInvocations,
  readYaml,
  upstreamJobs,
  type Workflow,
  type WorkflowJob,
} from '../support/workflow';

// The infra pipeline checked as data: it parses, every job and action it names exists, every command it runs is a
// script of this repository, actions are pinned by commit, permissions are minimal, and what is applied is
// always a plan saved by an earlier job of the same run. No published JSON schema of workflows ships in a
// well-kept npm package (see infra/docs/deploy-access.md), so the structure is checked here.
const WORKFLOW_FILE = '.github/workflows/infra.yml';
const { document: workflow, text } = readYaml<Workflow>(WORKFLOW_FILE);
const pins = JSON.parse(readFileSync(join(__dirname, 'pinned-actions.json'), 'utf8')) as Record<
  string,
  { tag: string; sha: string; inputs: string[] }
>;
const rootScripts = Object.keys(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts,
);
const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
const jobs = Object.entries(workflow.jobs);
const CREDENTIALS_ACTION = 'aws-actions/configure-aws-credentials';
const assumesRole = (job: WorkflowJob) =>
  job.steps.some((step) => step.uses?.startsWith(`${CREDENTIALS_ACTION}@`));
const environmentOf = (job: WorkflowJob) =>
  typeof job.environment === 'string' ? job.environment : job.environment?.name;
const roleVariable = (environment: string, role: 'PLAN' | 'APPLY') =>
  `vars.ORDER_AGENT_${environment.toUpperCase().replace(/-/g, '_')}_${role}_ROLE_ARN`;

describe(WORKFLOW_FILE, () => {
  it('runs on pull requests and on pushes to main, with no permissions unless a job asks', () => {
    expect(workflow.name).toBe('infra');
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({});
  });

  it('names only jobs that exist in needs, without cycles', () => {
    for (const [name, job] of jobs) {
      for (const need of needsOf(job)) expect(Object.keys(workflow.jobs)).toContain(need);
      expect(upstreamJobs(workflow, name).has(name)).toBe(false);
    }
  });

  it('pins every action by the full commit of a known release, with the tag as a comment, and passes only its inputs', () => {
    const allSteps = jobs.flatMap(([, job]) => expandedSteps(job));
    const used = allSteps.filter((step) => step.uses !== undefined);
    expect(used.length).toBeGreaterThan(0);
    for (const step of used) {
      const uses = step.uses!;
      if (uses.startsWith('./')) {
        expect(localActionExists(uses)).toBe(true);
        continue;
      }
      const [action, ref] = uses.split('@');
      const pin = pins[action!];
      expect({ uses, known: pin !== undefined }).toEqual({ uses, known: true });
      expect(ref).toBe(pin!.sha);
      for (const input of Object.keys(step.with ?? {})) expect(pin!.inputs).toContain(input);
    }
    const files = [text, readFileSync(join(REPO_ROOT, '.github/actions/setup/action.yml'), 'utf8')];
    for (const line of files
      .flatMap((file) => file.split('\n'))
      .filter((entry) => /uses: [^.]/.test(entry))) {
      const [, action, sha, tag] =
        /uses: ([\w-]+\/[\w-]+)@([0-9a-f]{40}) # (v[\d.]+)$/.exec(line.trim()) ?? [];
      expect({ line, pinned: action !== undefined }).toEqual({ line, pinned: true });
      expect({ sha, tag }).toEqual({ sha: pins[action!]!.sha, tag: pins[action!]!.tag });
    }
  });

  it('runs only npm scripts this repository has', () => {
    const runs = jobs
      .flatMap(([, job]) => expandedSteps(job))
      .flatMap((step) => (step.run === undefined ? [] : [step.run]));
    const invoked = runs.map(npmInvocations);
    const scripts = invoked.flatMap((entry) => entry.scripts);
    expect(scripts).toEqual(expect.arrayContaining(['plan', 'apply']));
    for (const script of scripts)
      expect({ script, exists: rootScripts.includes(script) }).toEqual({ script, exists: true });
    for (const command of invoked.flatMap((entry) => entry.commands))
      expect(['ci', 'test']).toContain(command);
    expect(rootScripts).toContain('test');
  });

  it('gives each job only read access to the code, and an OIDC token only where it assumes a role', () => {
    for (const [name, job] of jobs) {
      const expected = assumesRole(job) ? { contents: 'read', 'id-token': 'write' } : { contents: 'read' };
      expect({ name, permissions: job.permissions }).toEqual({ name, permissions: expected });
    }
  });

  it('plans every configured environment on pull requests with its plan role, uploading the saved plan', () => {
    const plan = workflow.jobs.plan!;
    expect(plan.if).toContain("github.event_name == 'pull_request'");
    expect(needsOf(plan)).toEqual(['test']);
    const matrix = plan.strategy!.matrix!.include!;
    expect(matrix.map((entry) => entry.environment)).toEqual(
      config.environments.map((environment) => environment.name),
    );
    for (const entry of matrix)
      expect(entry.role).toBe(`\${{ ${roleVariable(entry.environment!, 'PLAN')} }}`);
    const uploads = plan.steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.map((step) => step.with?.path)).toEqual(['cdktf.out/plans/']);
    const summary = plan.steps.find((step) => step.run?.includes('GITHUB_STEP_SUMMARY'));
    expect(summary).toMatchObject({ if: 'always()', run: expect.stringContaining('.summary.txt') });
  });

  describe.each(config.environments.map((environment) => [environment.name]))(
    'on main, %s',
    (environment) => {
      const planJob = workflow.jobs[`plan-${environment}`]!;
      const applyJob = workflow.jobs[`apply-${environment}`]!;
      const stack = environmentStackName(config.project, environment);

      it('is planned with the plan role and applied from that saved plan with the apply role', () => {
        expect(planJob).toBeDefined();
        expect(applyJob).toBeDefined();
        const credentials = (job: WorkflowJob) =>
          job.steps.find((step) => step.uses?.startsWith(`${CREDENTIALS_ACTION}@`))!;
        expect(credentials(planJob).with?.['role-to-assume']).toBe(
          `\${{ ${roleVariable(environment, 'PLAN')} }}`,
        );
        expect(credentials(applyJob).with?.['role-to-assume']).toBe(
          `\${{ ${roleVariable(environment, 'APPLY')} }}`,
        );
        expect(planJob.steps.map((step) => step.run)).toContain(`npm run plan -- ${environment}`);

        const upload = planJob.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
        const download = applyJob.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'))!;
        expect(needsOf(applyJob)).toEqual([`plan-${environment}`]);
        expect(download.with).toEqual({ name: upload.with?.name, path: upload.with?.path });
        const applies = applyJob.steps.filter((step) => step.run?.includes('npm run apply'));
        expect(applies.map((step) => step.run)).toEqual([
          `npm run apply -- ${environment} ${String(upload.with?.path)}${stack}.tfplan --yes`,
        ]);
        // No plan is made in the apply job: what runs is what was planned (and shown) before the approval.
        expect(applyJob.steps.some((step) => step.run?.includes('npm run plan'))).toBe(false);
      });

      it('applies behind its GitHub environment, one apply of the environment at a time', () => {
        expect(environmentOf(applyJob)).toBe(environment);
        expect(applyJob.concurrency).toEqual({
          group: `infra-apply-${environment}`,
          'cancel-in-progress': false,
        });
        expect(environmentOf(planJob)).toBeUndefined();
      });
    },
  );

  it('applies prod only after dev, and nothing on pull requests', () => {
    const applies = jobs.filter(([, job]) => environmentOf(job) !== undefined).map(([name]) => name);
    expect(applies.sort()).toEqual(
      config.environments.map((environment) => `apply-${environment.name}`).sort(),
    );
    expect(upstreamJobs(workflow, 'apply-prod')).toEqual(
      new Set(['plan-prod', 'apply-dev', 'plan-dev', 'test']),
    );
    expect(workflow.jobs['plan-dev']!.if).toBe("github.event_name == 'push'");
  });

  it('uses the apply roles only in jobs of their GitHub environment', () => {
    for (const [name, job] of jobs) {
      const assumed = job.steps.map((step) => String(step.with?.['role-to-assume'] ?? '')).join(' ');
      if (!assumed.includes('_APPLY_ROLE_ARN')) continue;
      expect({ name, environment: environmentOf(job) }).toEqual({
        name,
        environment: name.replace(/^apply-/, ''),
      });
    }
  });
});
