// Builds what a root command needs with turbo, quietly: turbo's banner and summary go nowhere unless the build
// fails, then everything it printed is shown and the exit code is turbo's. Telemetry is off. Used by the root
// scripts (synth, bench, the infra commands), so their output is the command's own.
// Usage: node scripts/build-quietly.mjs <turbo filter>...
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const turbo = join(dirname(createRequire(import.meta.url).resolve('turbo/package.json')), 'bin', 'turbo');
const filters = process.argv.slice(2).map((filter) => `--filter=${filter}`);
const result = spawnSync(turbo, ['run', 'build', ...filters, '--output-logs=errors-only'], {
  encoding: 'utf8',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
});
if (result.error) {
  process.stderr.write(`build: cannot run turbo: ${result.error.message}\n`);
  process.exit(1);
}
if (result.status !== 0) {
  process.stderr.write(`${result.stdout}${result.stderr}`);
  process.exit(result.status ?? 1);
}
