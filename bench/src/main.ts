import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildSuite } from './suites/build';
import { coldStartSuite } from './suites/cold-start';
import { handlerOverheadSuite } from './suites/handler-overhead';
import type { BenchContext, Suite } from './suites/suite';
import { synthSuite } from './suites/synth';
import { throughputSuite } from './suites/throughput';
import { type LocalOrdersTable, startLocalOrdersTable } from './support/local-table';
import { describeMachine, machineLine } from './support/machine';
import { findRepoRoot } from './support/repo';
import { type BenchRow, Unit, unmeasured } from './support/results';
import { detectPeakRssTool, setMaxRssPreload } from './support/run-process';
import { renderNotes, renderTable } from './support/table';

/** In the order they run: build last, because it rewrites the dist/ outputs the others load. */
const SUITES: readonly Suite[] = [
  synthSuite,
  coldStartSuite,
  handlerOverheadSuite,
  throughputSuite,
  buildSuite,
];

const SUITE_NAMES = SUITES.map((s) => s.name.replace(' ', '-')).join(',');

const HELP = `Usage: npm run bench [-- options]

Measures synth, cold start, handler overhead, throughput and build, each beside a same-run baseline, and
prints the table. Results go to bench/.results/latest.json (ignored by git); --record writes the committed
bench/results.json instead (what docs/benchmarks.md quotes).

Options:
  --suites LIST   Only these suites, comma-separated: ${SUITE_NAMES}.
  --quick         Fewer runs per measurement (a smoke test of the bench; figures are noisier).
  --record        Write bench/results.json (commit it with the numbers you quote).
  --debug         Print stack traces with errors.
  -h, --help      Show this help.

Exit codes: 0 every suite ran, 1 a suite failed (its row says why), 2 usage.`;

/** A bad flag: one line and exit 2. */
class UsageError extends Error {}

interface BenchArgs {
  readonly suites: readonly Suite[];
  readonly quick: boolean;
  readonly record: boolean;
  readonly help: boolean;
}

function parseArgs(argv: readonly string[]): BenchArgs {
  let suites = SUITES;
  let quick = false;
  let record = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--record') record = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--debug') continue;
    else if (arg === '--suites' || arg.startsWith('--suites=')) {
      const list = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[++i] ?? '');
      const names = list.split(',').map((name) => name.trim().replace('-', ' '));
      const unknown = names.filter((name) => !SUITES.some((suite) => suite.name === name));
      if (unknown.length > 0) {
        throw new UsageError(`unknown suite(s) ${unknown.join(', ')}; suites: ${SUITE_NAMES} (see --help)`);
      }
      suites = SUITES.filter((suite) => names.includes(suite.name));
    } else throw new UsageError(`unknown argument ${arg} (see npm run bench -- --help)`);
  }
  return { suites, quick, record, help };
}

async function main(): Promise<void> {
  const { suites, quick, record, help } = parseArgs(process.argv.slice(2));
  if (help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const repoRoot = findRepoRoot(__dirname);
  const benchRoot = join(repoRoot, 'bench');
  setMaxRssPreload(join(benchRoot, 'scripts', 'report-max-rss.cjs'));
  const machine = describeMachine();
  const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  progress(`${machineLine(machine)}; peak RSS via ${await detectPeakRssTool()}`);

  let table: Promise<LocalOrdersTable> | undefined;
  const context: BenchContext = {
    repoRoot,
    benchRoot,
    quick,
    progress,
    localTable: () => {
      table ??= startLocalOrdersTable(20);
      return table;
    },
  };

  const started = Date.now();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  const failures: Record<string, string> = {};
  try {
    for (const suite of suites) {
      const suiteStarted = Date.now();
      progress(`${suite.name}...`);
      try {
        const result = await suite.run(context);
        rows.push(...result.rows);
        if (result.details) details[suite.name] = result.details;
      } catch (error) {
        // The stack only with --debug (it is kept in the results file either way).
        const shown = process.argv.includes('--debug')
          ? ((error as Error).stack ?? String(error))
          : String((error as Error).message ?? error);
        progress(`${suite.name} failed: ${shown}`);
        const firstLine = ((error as Error).message ?? String(error)).split('\n')[0]!;
        const note = `failed: ${firstLine.length > 140 ? `${firstLine.slice(0, 140)}…` : firstLine}`;
        rows.push(unmeasured(suite.name, 'suite', Unit.MS, note));
        failures[suite.name] = (error as Error).stack ?? String(error);
      }
      progress(`${suite.name} done in ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s`);
    }
  } finally {
    if (table) await (await table).stop();
  }

  const printed = renderTable(rows);
  const notes = renderNotes(rows);
  const profile = (
    details['cold start'] as { profile?: { shares?: { where: string; ms: number }[] } } | undefined
  )?.profile?.shares;
  process.stdout.write(`\n${machineLine(machine)}\n\n${printed}\n`);
  if (notes) process.stdout.write(`\n${notes}\n`);
  if (profile) {
    process.stdout.write(
      `\ncold start CPU profile (one run, self time, profiler overhead included):\n${profile
        .slice(0, 8)
        .map((share) => `  ${share.ms.toFixed(1).padStart(6)} ms  ${share.where}`)
        .join('\n')}\n`,
    );
  }
  const elapsedS = (Date.now() - started) / 1000;
  process.stdout.write(`\nbench took ${elapsedS.toFixed(0)} s${quick ? ' (--quick)' : ''}\n`);

  const results = {
    generatedAt: new Date().toISOString(),
    quick,
    suites: suites.map((suite) => suite.name),
    elapsedS,
    machine,
    rows,
    table: printed,
    failures,
    details,
  };
  // Only a deliberate run replaces the committed figures; a quick look goes to an ignored file.
  const resultsFile = record ? join(benchRoot, 'results.json') : join(benchRoot, '.results', 'latest.json');
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  progress(
    `wrote ${relative(repoRoot, resultsFile)}${record ? '' : ' (--record writes bench/results.json)'}`,
  );
  process.exitCode = Object.keys(failures).length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  const debug = process.argv.includes('--debug');
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`bench: ${message}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
