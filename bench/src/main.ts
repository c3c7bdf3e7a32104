import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const USAGE = `usage: npm run bench [-- --suites ${SUITES.map((s) => s.name.replace(' ', '-')).join(',')}] [--quick]`;

function parseArgs(argv: readonly string[]): { suites: readonly Suite[]; quick: boolean } {
  let suites = SUITES;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--suites' || arg.startsWith('--suites=')) {
      const list = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[++i] ?? '');
      const names = list.split(',').map((name) => name.trim().replace('-', ' '));
      const unknown = names.filter((name) => !SUITES.some((suite) => suite.name === name));
      if (unknown.length > 0) throw new Error(`unknown suite(s) ${unknown.join(', ')}\n${USAGE}`);
      suites = SUITES.filter((suite) => names.includes(suite.name));
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return { suites, quick };
}

async function main(): Promise<void> {
  const { suites, quick } = parseArgs(process.argv.slice(2));
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
        progress(`${suite.name} failed: ${(error as Error).stack ?? String(error)}`);
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
  writeFileSync(join(benchRoot, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  progress('wrote bench/results.json');
  process.exitCode = Object.keys(failures).length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
