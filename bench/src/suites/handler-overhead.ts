import { join } from 'node:path';
import { SUBJECTS, type SubjectName } from '../handler-overhead/subjects';
import { row, Unit } from '../support/results';
import { measuredEnv, runCommand } from '../support/run-process';
import { median } from '../support/stats';
import type { BenchContext, Suite, SuiteResult } from './suite';

const SUITE = 'handler overhead';

interface ChildResult {
  readonly answers: readonly string[];
  readonly rates: readonly number[];
  readonly p50Ns: number;
  readonly p99Ns: number;
}

interface Summary {
  readonly eventsPerS: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly runs: readonly ChildResult[];
}

/**
 * Our ActionRouter (routing, decoding, validation, envelope) on in-memory handlers, beside Powertools'
 * BedrockAgentFunctionResolver on the same function-details events with the same result; plus our router on
 * OpenAPI events of the real order schema. Each run is a fresh process measuring one router (warm-up, then
 * batches); runs alternate between the routers, rotating the order. Figures are medians over the runs.
 */
export const handlerOverheadSuite: Suite = {
  name: SUITE,
  async run(context: BenchContext): Promise<SuiteResult> {
    const childScript = join(
      context.benchRoot,
      'node_modules',
      '.cache',
      'bench',
      'handler-overhead-child.cjs',
    );
    const runs = context.quick ? 2 : 5;
    const batch = context.quick ? 20_000 : 100_000;
    const rounds = context.quick ? 2 : 4;
    const latencyCalls = context.quick ? 5_000 : 30_000;
    const results = new Map<SubjectName, ChildResult[]>(SUBJECTS.map((name) => [name, []]));
    for (let run = 0; run < runs; run++) {
      for (let s = 0; s < SUBJECTS.length; s++) {
        const name = SUBJECTS[(s + run) % SUBJECTS.length]!;
        const child = await runCommand(
          process.execPath,
          [childScript, name, String(batch), String(rounds), String(latencyCalls)],
          { cwd: context.benchRoot, env: measuredEnv() },
        );
        if (child.exitCode !== 0) throw new Error(`${name} run failed: ${child.stderr.slice(-2000)}`);
        results.get(name)!.push(JSON.parse(child.stdout) as ChildResult);
      }
      context.progress(
        `handler overhead ${run + 1}/${runs}: ${SUBJECTS.map((name) => `${name} ${Math.round(median(results.get(name)!.at(-1)!.rates))}/s`).join(', ')}`,
      );
    }
    const [ours, powertools, openApi] = SUBJECTS.map((name) => summarize(results.get(name)!)) as [
      Summary,
      Summary,
      Summary,
    ];
    const oursAnswers = JSON.stringify(ours.runs[0]!.answers);
    if (oursAnswers !== JSON.stringify(powertools.runs[0]!.answers)) {
      throw new Error(
        `the two routers answer differently: ${oursAnswers} vs ${JSON.stringify(powertools.runs[0]!.answers)}`,
      );
    }
    if (openApi.runs[0]!.answers.some((status) => status !== '200')) {
      throw new Error(`an OpenAPI event was not answered 200: ${openApi.runs[0]!.answers.join(', ')}`);
    }
    const pt = 'Powertools resolver';
    const shape = `median of ${runs} processes x ${rounds} x ${batch}`;
    return {
      rows: [
        row({
          suite: SUITE,
          measure: `function events, throughput (${shape})`,
          value: ours.eventsPerS,
          unit: Unit.EVENTS_PER_S,
          baseline: { label: pt, value: powertools.eventsPerS },
          target: { kind: 'ratio-at-least', limit: 1 },
        }),
        row({
          suite: SUITE,
          measure: 'function events, p50 latency',
          value: ours.p50Us,
          unit: Unit.US,
          baseline: { label: pt, value: powertools.p50Us },
          target: { kind: 'ratio-at-most', limit: 1 },
        }),
        row({
          suite: SUITE,
          measure: 'function events, p99 latency',
          value: ours.p99Us,
          unit: Unit.US,
          baseline: { label: pt, value: powertools.p99Us },
          // No target: at about a microsecond per call the tail is GC pauses and timer resolution, not the router.
        }),
        row({
          suite: SUITE,
          measure: 'OpenAPI events (order schema, 3 operations), throughput',
          value: openApi.eventsPerS,
          unit: Unit.EVENTS_PER_S,
          baseline: { label: `${pt} (function events)`, value: powertools.eventsPerS },
          note: `p50 ${openApi.p50Us.toFixed(2)} µs, p99 ${openApi.p99Us.toFixed(2)} µs`,
        }),
      ],
      details: { runs, rounds, batch, latencyCalls, ours, powertools, openApi },
    };
  },
};

function summarize(runs: readonly ChildResult[]): Summary {
  return {
    eventsPerS: median(runs.map((run) => median(run.rates))),
    p50Us: median(runs.map((run) => run.p50Ns)) / 1000,
    p99Us: median(runs.map((run) => run.p99Ns)) / 1000,
    runs: runs.map((run) => ({ ...run, rates: run.rates.map(Math.round) })),
  };
}
