import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPlanOfflineCommand } from '../../src/operator/plan-offline-command';
import { countPlannedChanges, type PlanJson } from '../../src/operator/terraform/plan-summary';
import {
  NEW_ADDRESS,
  OLD_ADDRESS,
  synthesizeMoveFixture,
  writeStateBeforeRefactor,
} from '../support/move-fixture';
import { describeWithTerraform } from '../support/terraform';

// The refactor a state-safety review is about: a deployed topic's construct is renamed and moved in the tree.
// Offline plans (mirror provider, dummy credentials, local backend, -refresh=false) against a crafted state
// holding the topic at its old address show what the next apply would do, with no AWS account.
describeWithTerraform('the offline plan of a refactor against a prepared state')('a declared move', () => {
  const synthDir = mkdtempSync(join(tmpdir(), 'infra-move-plan-'));
  const stateFile = join(synthDir, 'before-refactor.tfstate');
  const planOf = (stack: string) =>
    JSON.parse(readFileSync(join(synthDir, 'offline-plan', `${stack}.plan.json`), 'utf8')) as PlanJson;
  let output: string[];
  let exitCode: number;

  beforeAll(async () => {
    synthesizeMoveFixture(synthDir);
    writeStateBeforeRefactor(stateFile);
    output = [];
    exitCode = await runPlanOfflineCommand(
      [
        '--synth-dir',
        synthDir,
        '--state',
        `moved=${stateFile}`,
        '--state',
        `renamed=${stateFile}`,
        'moved',
        'renamed',
      ],
      (text) => output.push(text),
    );
  }, 120_000);
  afterAll(() => rmSync(synthDir, { recursive: true, force: true }));

  it('plans a move, with nothing destroyed or created', () => {
    const plan = planOf('moved');
    expect(countPlannedChanges(plan)).toMatchObject({ create: 0, replace: 0, delete: 0, move: 1 });
    expect(plan.resource_changes).toEqual([
      expect.objectContaining({ address: NEW_ADDRESS, previous_address: OLD_ADDRESS }),
    ]);
  });

  it('without the move, plans to destroy the deployed topic and create an empty one, prevent_destroy or not', () => {
    expect(countPlannedChanges(planOf('renamed'))).toMatchObject({ create: 1, delete: 1, move: 0 });
  });

  it('makes the plan guard fail, naming the address, and only for the stack without the move', () => {
    expect(exitCode).toBe(1);
    const text = output.join('\n');
    expect(text).toContain(
      `plan guard: renamed would destroy stateful resources:\n  ${OLD_ADDRESS}: delete (delete_because_no_resource_config)`,
    );
    expect(text).not.toContain('plan guard: moved would destroy');
    expect(text).toMatch(/moved\s+0 to create, 0 to update, 0 to replace, 0 to delete, 1 moved/);
    expect(text).toMatch(/renamed\s+1 to create, 0 to update, 0 to replace, 1 to delete, 0 moved/);
  });

  it('lets the destroy through when --allow-destroy names the address', async () => {
    const allowed: string[] = [];
    const code = await runPlanOfflineCommand(
      ['--synth-dir', synthDir, '--state', `renamed=${stateFile}`, '--allow-destroy', OLD_ADDRESS, 'renamed'],
      (text) => allowed.push(text),
    );
    expect(code).toBe(0);
    expect(allowed.join('\n')).toContain(
      `plan guard: renamed will delete ${OLD_ADDRESS} (allowed by --allow-destroy)`,
    );
  }, 120_000);
});
