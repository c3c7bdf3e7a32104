import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleLambda } from '../../../scripts/esbuild-workspace.mjs';
import { type NodeRuntime, nodeRuntimes } from '../cold-start/node-runtimes';
import { profileShares } from '../support/cpu-profile';
import { type BenchRow, row, Unit, unmeasured } from '../support/results';
import { measuredEnv, runCommand } from '../support/run-process';
import { median } from '../support/stats';
import type { BenchContext, Suite, SuiteResult } from './suite';

const SUITE = 'cold start';
const BUNDLE = 'apps/order-actions/dist/index.js';
/** Targets of issue 14: spawn -> first answer against bare node and against the raw-HTTP floor, and bundle size. */
const TARGET_X_BARE = 2;
const TARGET_X_FLOOR = 1.4;
const TARGET_KIB = 160;

interface ChildTimings {
  readonly bootMs: number;
  readonly loadMs: number;
  readonly answerMs: number;
  readonly status: number;
  readonly maxRssKb: number;
}

interface ColdRun {
  readonly wallMs: number;
  readonly timings: ChildTimings;
}

/** What one Node version measured: spawn -> exit of each subject, alternated run by run. */
interface RuntimeRuns {
  readonly runtime: NodeRuntime;
  readonly bareMs: number[];
  readonly floor: ColdRun[];
  readonly sdk: ColdRun[];
  readonly ours: ColdRun[];
}

/**
 * The Lambda bundle in a fresh Node process: load it, answer one getOrderStatus from dynalite (served by this
 * process), exit. Side by side in one run, on this Node and on the Lambda's Node 22: a bare `node -e 0`, the
 * raw-HTTP floor (one unsigned `http.request` to the same table), the same handler built on the AWS SDK (same
 * esbuild options), and the Lambda bundle. Also the two bundles' sizes and a CPU profile of one cold start.
 */
export const coldStartSuite: Suite = {
  name: SUITE,
  async run(context: BenchContext): Promise<SuiteResult> {
    const bundle = join(context.repoRoot, BUNDLE);
    if (!existsSync(bundle)) {
      const note = `order-actions not built: ${BUNDLE} is missing (npm run build)`;
      return {
        rows: [
          unmeasured(SUITE, 'bundle size', Unit.KIB, note, { kind: 'value-below', limit: TARGET_KIB }),
          unmeasured(SUITE, 'time to first answer', Unit.MS, note, {
            kind: 'ratio-at-most',
            limit: TARGET_X_BARE,
          }),
        ],
      };
    }
    const table = await context.localTable();
    const orderId = table.orderIds.returnable[0] ?? 'ORD-1001';
    const env = measuredEnv(table.env);
    const scripts = join(context.benchRoot, 'scripts');
    const scratch = mkdtempSync(join(tmpdir(), 'bench-cold-start-'));
    try {
      context.progress('cold start: bundling the same handler on the AWS SDK for comparison');
      const sdkBundle = await buildSdkBundle(context, scratch);
      const { runtimes, missing } = await nodeRuntimes(context.benchRoot);
      if (missing)
        context.progress(
          `!!! cold start: NODE 22 NOT MEASURED (${missing}); measuring ${process.version} only`,
        );
      const runs = context.quick ? 5 : 21;
      const measured: RuntimeRuns[] = [];
      for (const runtime of runtimes) {
        context.progress(`cold start: ${runtime.label} (${runtime.version}), ${runs} rounds of 4 processes`);
        measured.push(
          await measureRuntime(runtime, runs, {
            cwd: context.repoRoot,
            env,
            scripts,
            orderId,
            bundle,
            sdkBundle,
          }),
        );
      }
      const profile = await profileOnce(
        context.repoRoot,
        env,
        join(scripts, 'cold-start-child.cjs'),
        bundle,
        orderId,
        scratch,
      );
      const ownRuns = measured[0]!;
      const bareRssKb = await bareRss(context.repoRoot, env);
      const sizeKiB = statSync(bundle).size / 1024;
      const sdkKiB = statSync(sdkBundle).size / 1024;
      return {
        rows: [
          row({
            suite: SUITE,
            measure: 'bundle size (dist/index.js)',
            value: sizeKiB,
            unit: Unit.KIB,
            baseline: { label: 'same handler on the AWS SDK', value: sdkKiB },
            target: { kind: 'value-below', limit: TARGET_KIB },
          }),
          ...measured.flatMap((runtimeRuns) => rowsOf(runtimeRuns, runs)),
          ...(missing
            ? [
                unmeasured(SUITE, `Node 22: time to first answer`, Unit.MS, `not measured: ${missing}`, {
                  kind: 'ratio-at-most',
                  limit: TARGET_X_BARE,
                }),
              ]
            : []),
          row({
            suite: SUITE,
            measure: `${ownRuns.runtime.label}: peak RSS, fresh process`,
            value: median(ownRuns.ours.map((r) => r.timings.maxRssKb)) / 1024,
            unit: Unit.MB,
            baseline: { label: 'node -e 0', value: bareRssKb / 1024 },
          }),
        ],
        details: {
          orderId,
          sdkBundleKiB: sdkKiB,
          runtimes: measured,
          ...(missing ? { missing } : {}),
          profile,
        },
      };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};

interface Subjects {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly scripts: string;
  readonly orderId: string;
  readonly bundle: string;
  readonly sdkBundle: string;
}

/** Warms the file cache, then alternates the four subjects, rotating which goes first, so drift hits each alike. */
async function measureRuntime(runtime: NodeRuntime, runs: number, subjects: Subjects): Promise<RuntimeRuns> {
  const { cwd, env, scripts, orderId } = subjects;
  const handlerChild = join(scripts, 'cold-start-child.cjs');
  const start = (args: readonly string[]) => runChild(runtime.path, cwd, env, args);
  const result: RuntimeRuns = { runtime, bareMs: [], floor: [], sdk: [], ours: [] };
  const steps = [
    async () => result.bareMs.push((await runCommand(runtime.path, ['-e', '0'], { cwd, env })).wallMs),
    async () => result.floor.push(await start([join(scripts, 'raw-http-child.cjs'), orderId])),
    async () => result.sdk.push(await start([handlerChild, subjects.sdkBundle, orderId])),
    async () => result.ours.push(await start([handlerChild, subjects.bundle, orderId])),
  ];
  for (let i = 0; i < 2; i++) for (const step of steps) await step();
  result.bareMs.length = result.floor.length = result.sdk.length = result.ours.length = 0;
  for (let i = 0; i < runs; i++) {
    for (let s = 0; s < steps.length; s++) await steps[(s + i) % steps.length]!();
  }
  return result;
}

function rowsOf({ runtime, bareMs, floor, sdk, ours }: RuntimeRuns, runs: number): BenchRow[] {
  const wall = (of: ColdRun[]) => median(of.map((r) => r.wallMs));
  const phase = (of: ColdRun[], key: keyof ChildTimings) => median(of.map((r) => r.timings[key]));
  const bare = { label: 'node -e 0', value: median(bareMs) };
  const floorBaseline = { label: 'raw http.request, unsigned', value: wall(floor) };
  const xFloor = (of: ColdRun[]) => `${(wall(of) / floorBaseline.value).toFixed(2)}x the floor`;
  const fastestRatio = (fastest(ours.map((r) => r.wallMs)) / fastest(bareMs)).toFixed(2);
  const n = runtime.label;
  return [
    row({
      suite: SUITE,
      measure: `${n}: time to first answer, Lambda bundle (median of ${runs})`,
      value: wall(ours),
      unit: Unit.MS,
      baseline: bare,
      target: { kind: 'ratio-at-most', limit: TARGET_X_BARE },
      note:
        `${runtime.version}: Node start ${phase(ours, 'bootMs').toFixed(1)} ms + load bundle ${phase(ours, 'loadMs').toFixed(1)} ms + first answer ${phase(ours, 'answerMs').toFixed(1)} ms (medians, measured inside the process); spawn to exit. ` +
        // Contention on a shared machine only ever adds time, and hits the longer process more often.
        `Fastest runs: ${fastest(ours.map((r) => r.wallMs)).toFixed(1)} ms vs ${fastest(bareMs).toFixed(1)} ms (${fastestRatio}x)`,
    }),
    row({
      suite: SUITE,
      measure: `${n}: same, against the raw-HTTP floor`,
      value: wall(ours),
      unit: Unit.MS,
      baseline: floorBaseline,
      target: { kind: 'ratio-at-most', limit: TARGET_X_FLOOR },
    }),
    row({
      suite: SUITE,
      measure: `${n}: raw-HTTP floor (one unsigned GetItem, no handler)`,
      value: floorBaseline.value,
      unit: Unit.MS,
      baseline: bare,
    }),
    row({
      suite: SUITE,
      measure: `${n}: same handler on the AWS SDK`,
      value: wall(sdk),
      unit: Unit.MS,
      baseline: bare,
      note: `${xFloor(sdk)}; load ${phase(sdk, 'loadMs').toFixed(1)} ms + first answer ${phase(sdk, 'answerMs').toFixed(1)} ms`,
    }),
  ];
}

const fastest = (values: readonly number[]) => Math.min(...values);

async function runChild(
  node: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
): Promise<ColdRun> {
  const result = await runCommand(node, args, { cwd, env, timeoutMs: 30_000 });
  if (result.exitCode !== 0)
    throw new Error(`cold start failed (${result.exitCode}): ${result.stderr.slice(-2000)}`);
  const timings = JSON.parse(result.stdout) as ChildTimings;
  if (timings.status !== 200) throw new Error(`cold start answered ${timings.status}, not 200`);
  return { wallMs: result.wallMs, timings };
}

async function bareRss(cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await runCommand(
      process.execPath,
      ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'],
      { cwd, env },
    );
    samples.push(Number(result.stdout));
  }
  return median(samples);
}

/**
 * The order-actions handler on `@aws-sdk/client-dynamodb` (src/cold-start/sdk-handler.ts), bundled by the same
 * helper as apps/order-actions/build.mjs (scripts/esbuild-workspace.mjs), so the two bundles differ only in the
 * DynamoDB client.
 */
async function buildSdkBundle(context: BenchContext, outdir: string): Promise<string> {
  const outfile = join(outdir, 'sdk-bundle.js');
  await bundleLambda({
    absWorkingDir: context.benchRoot,
    entryPoint: 'src/cold-start/sdk-handler.ts',
    outfile,
  });
  return outfile;
}

/** One cold start under `--cpu-prof`: self time by package (bundle frames mapped through the source map). */
async function profileOnce(
  cwd: string,
  env: NodeJS.ProcessEnv,
  child: string,
  bundle: string,
  orderId: string,
  scratch: string,
): Promise<{ shares: { where: string; ms: number }[] } | { error: string }> {
  const dir = join(scratch, 'profile');
  const result = await runCommand(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', child, bundle, orderId],
    { cwd, env },
  );
  const file = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith('.cpuprofile')) : undefined;
  if (result.exitCode !== 0 || !file) return { error: `profiling failed: ${result.stderr.slice(-500)}` };
  const shares = profileShares(join(dir, file), 'order-actions/dist/index.js', `${bundle}.map`);
  return { shares: shares.slice(0, 12).map(({ where, ms }) => ({ where, ms: Number(ms.toFixed(1)) })) };
}
