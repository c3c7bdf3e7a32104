import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../src/paths';
import {
  comparePinnedAddresses,
  describePinMismatches,
  type PinnedAddresses,
  statefulAddresses,
} from '../../src/state-safety/pinned-addresses';
import { synthesizeAppStacks } from '../support/app-stacks';

// The committed addresses of every stateful resource, per stack. A refactor that changes one fails here, before
// any plan: the message names the address and the move to declare. For a reviewed new (or removed) resource,
// regenerate the file with UPDATE_PINNED_ADDRESSES=1 npx jest tests/state-safety/pinned-addresses (in infra/) and commit it.
const PIN_FILE = join(__dirname, 'pinned-addresses.json');
const updating = process.env.UPDATE_PINNED_ADDRESSES === '1';

describe('pinned addresses of stateful resources', () => {
  const { stacks } = synthesizeAppStacks();
  const actual: PinnedAddresses = Object.fromEntries(
    Object.entries(stacks)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([stack, json]) => [stack, statefulAddresses(json)]),
  );

  it('match the synthesized stacks', () => {
    if (updating) {
      writeFileSync(PIN_FILE, `${JSON.stringify(actual, null, 2)}\n`);
      // Written as the repository's formatter wants it, so `npm run lint` passes on the regenerated file.
      spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', PIN_FILE], {
        cwd: REPO_ROOT,
      });
      console.warn(`UPDATE_PINNED_ADDRESSES=1: rewrote ${relative(REPO_ROOT, PIN_FILE)}; review the diff`);
    }
    const pinned = JSON.parse(readFileSync(PIN_FILE, 'utf8')) as PinnedAddresses;
    const mismatches = comparePinnedAddresses(pinned, actual);
    if (mismatches.length > 0)
      throw new Error(describePinMismatches(mismatches, relative(REPO_ROOT, PIN_FILE)));
  });

  it('cover every stack of the app, each holding stateful resources but the IAM-only deploy-access stacks', () => {
    expect(Object.keys(actual).sort()).toEqual([
      'order-agent-dev',
      'order-agent-dev-deploy-access',
      'order-agent-prod',
      'order-agent-prod-deploy-access',
      'order-agent-state',
    ]);
    for (const [stack, addresses] of Object.entries(actual)) {
      // The deploy-access stacks hold IAM only (an OIDC provider and two roles), which a re-create restores.
      if (stack.endsWith('-deploy-access')) expect(addresses).toEqual([]);
      else expect(addresses.length).toBeGreaterThan(0);
    }
  });
});
