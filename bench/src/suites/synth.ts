import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row, Unit, unmeasured } from '../support/results';
import { measuredEnv, runCommand } from '../support/run-process';
import { median } from '../support/stats';
import type { BenchContext, Suite, SuiteResult } from './suite';

const SUITE = 'synth';
const APP_ENTRY = 'infra/dist/main.js';

/**
 * The CDKTF app as cdktf.json runs it (`node infra/dist/main.js` from the repository root, every stack), beside a
 * fresh process that merely loads `@cdktf/provider-aws` from its package root (all ~2,200 resource modules):
 * wall time and peak RSS, median of several fresh processes, alternating which goes first.
 */
export const synthSuite: Suite = {
  name: SUITE,
  async run(context: BenchContext): Promise<SuiteResult> {
    if (!existsSync(join(context.repoRoot, APP_ENTRY))) {
      const note = `infra not built: ${APP_ENTRY} is missing (npm run build)`;
      return {
        rows: [
          unmeasured(SUITE, 'wall time, every stack', Unit.S, note, { kind: 'ratio-below', limit: 0.3 }),
          unmeasured(SUITE, 'peak RSS', Unit.MB, note, { kind: 'value-below', limit: 150 }),
        ],
      };
    }
    const runs = context.quick ? 2 : 5;
    const app: { wallMs: number; rssKb: number | undefined }[] = [];
    const provider: { wallMs: number; rssKb: number | undefined }[] = [];
    let stacks: string[] = [];
    let rssSource: string | undefined;
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['app', 'provider'] : ['provider', 'app'];
      for (const which of order) {
        if (which === 'app') {
          // CDKTF_OUTDIR is what the cdktf CLI sets too; a scratch directory keeps the repository's cdktf.out as is.
          const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
          try {
            const result = await runCommand(process.execPath, [APP_ENTRY], {
              cwd: context.repoRoot,
              env: measuredEnv({ CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1' }),
              peakRss: true,
            });
            if (result.exitCode !== 0) {
              throw new Error(`${APP_ENTRY} exited with ${result.exitCode}: ${result.stderr.slice(-2000)}`);
            }
            stacks = synthesizedStacks(outdir);
            app.push({ wallMs: result.wallMs, rssKb: result.peakRssKb });
            rssSource = result.peakRssSource;
          } finally {
            rmSync(outdir, { recursive: true, force: true });
          }
        } else {
          const result = await runCommand(process.execPath, ['-e', "require('@cdktf/provider-aws')"], {
            cwd: join(context.repoRoot, 'infra'),
            env: measuredEnv(),
            peakRss: true,
          });
          if (result.exitCode !== 0) throw new Error(`loading @cdktf/provider-aws failed: ${result.stderr}`);
          provider.push({ wallMs: result.wallMs, rssKb: result.peakRssKb });
        }
      }
      context.progress(
        `synth ${i + 1}/${runs}: app ${app.at(-1)!.wallMs.toFixed(0)} ms, provider root ${provider.at(-1)!.wallMs.toFixed(0)} ms`,
      );
    }
    const mb = (kb: number | undefined) => (kb === undefined ? undefined : kb / 1024);
    const appRss = median(app.flatMap((r) => (r.rssKb === undefined ? [] : [r.rssKb])));
    const providerRss = median(provider.flatMap((r) => (r.rssKb === undefined ? [] : [r.rssKb])));
    const baselineLabel = "require('@cdktf/provider-aws')";
    const rssNote =
      rssSource === 'gnu-time'
        ? 'largest of the process and any child process it waits for (GNU time %M)'
        : 'the process itself (process.resourceUsage().maxRSS); child processes not counted';
    return {
      rows: [
        row({
          suite: SUITE,
          measure: `wall time, all ${stacks.length} stacks (median of ${runs})`,
          value: median(app.map((r) => r.wallMs)) / 1000,
          unit: Unit.S,
          baseline: { label: baselineLabel, value: median(provider.map((r) => r.wallMs)) / 1000 },
          target: { kind: 'ratio-below', limit: 0.3 },
          note: `stacks: ${stacks.join(', ')}`,
        }),
        row({
          suite: SUITE,
          measure: `peak RSS (median of ${runs})`,
          value: mb(Number.isNaN(appRss) ? undefined : appRss),
          unit: Unit.MB,
          ...(Number.isNaN(providerRss)
            ? {}
            : { baseline: { label: baselineLabel, value: providerRss / 1024 } }),
          target: { kind: 'value-below', limit: 150 },
          note: rssNote,
        }),
      ],
      details: { stacks, runs: { app, provider }, peakRssSource: rssSource ?? 'none' },
    };
  },
};

function synthesizedStacks(outdir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
    stacks?: Record<string, unknown>;
  };
  return Object.keys(manifest.stacks ?? {});
}
