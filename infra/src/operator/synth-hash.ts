import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SavedPlanError } from '../errors';
import { readManifest } from './terraform/working-copy';

/** What terraform or our own commands leave in a stack directory; not part of what the code synthesized. */
const NOT_SYNTHESIZED = /^(\.terraform|\.terraform\.lock\.hcl|.*\.tfstate.*|.*_override\.tf\.json|tfplan.*)$/;

/**
 * SHA-256 over every synthesized file of one stack (configuration and assets, by path and content): apply
 * compares it with the hash the saved plan recorded, to refuse a plan the code no longer produces.
 */
export function synthHash(synthDir: string, stack: string): string {
  const entry = readManifest(synthDir).stacks[stack];
  if (entry === undefined) throw new SavedPlanError(`no synthesized stack named ${stack}`);
  const root = join(synthDir, entry.workingDirectory);
  const hash = createHash('sha256');
  for (const file of filesUnder(root)) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !NOT_SYNTHESIZED.test(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : [path];
    });
}
