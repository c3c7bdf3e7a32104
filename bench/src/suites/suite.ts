import type { LocalOrdersTable } from '../support/local-table';
import type { BenchRow } from '../support/results';

/** What every suite gets from the runner. */
export interface BenchContext {
  readonly repoRoot: string;
  readonly benchRoot: string;
  /** Fewer repetitions (for trying the bench out; figures are noisier). */
  readonly quick: boolean;
  /** One line of progress on stderr. */
  progress(message: string): void;
  /** The dynalite orders table shared by the suites that need one: started on first use, stopped at the end. */
  localTable(): Promise<LocalOrdersTable>;
}

export interface SuiteResult {
  readonly rows: readonly BenchRow[];
  /** Raw samples and anything else worth keeping in results.json. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface Suite {
  readonly name: string;
  run(context: BenchContext): Promise<SuiteResult>;
}
