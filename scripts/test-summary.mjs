// Prints one closing line for the whole repository after `turbo run test --continue`: each workspace's Jest run
// writes .test-results.json (turbo restores it on a cache hit), and this adds them up. Its argument is turbo's
// exit code, so a workspace that failed without writing results (a crash, a build error) still fails the run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const dirs = workspaces.flatMap((pattern) => {
  if (!pattern.endsWith('/*')) return [join(root, pattern)];
  const parent = join(root, pattern.slice(0, -2));
  return readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(parent, entry.name));
});

const total = { passed: 0, failed: 0, skipped: 0 };
for (const dir of dirs) {
  const file = join(dir, '.test-results.json');
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, 'utf8'));
  total.passed += result.numPassedTests;
  // A suite that cannot even load (a syntax error, a missing module) fails without failing any test.
  total.failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  total.skipped += result.numPendingTests + (result.numTodoTests ?? 0);
}
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`tests: ${total.passed} passed, ${total.failed} failed${skipped}`);
const turboExitCode = Number(process.argv[2] ?? 0);
process.exit(turboExitCode !== 0 || total.failed > 0 || total.passed === 0 ? 1 : 0);
