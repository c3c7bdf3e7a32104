import { mkdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { App } from 'cdktf';
import {
  checkConfiguredModels,
  inferenceProfileRegions,
  readModelLifecycleTable,
} from './config/model-lifecycle';
import type { InfraConfig } from './config/types';
import { MissingInputError, ModelLifecycleError } from './errors';
import {
  AGENT_INSTRUCTION_FILE,
  KB_APPLY_STEPS_BUNDLE_DIR,
  KB_DOCUMENTS_DIR,
  MODEL_LIFECYCLE_FILE,
  ORDER_ACTIONS_BUNDLE_DIR,
  ORDER_API_SCHEMA_FILE,
  REPO_ROOT,
} from './paths';
import { DeployAccessStack } from './stacks/deploy-access-stack';
import { EnvironmentStack } from './stacks/environment-stack';
import { StateStack } from './stacks/state-stack';
import { applyStateSafety } from './state-safety/apply-state-safety';

export interface BuildAppOptions {
  readonly config: InfraConfig;
  /**
   * Where the stacks are synthesized.
   * @default cdktf's own choice: CDKTF_OUTDIR (set by the cdktf CLI), else ./cdktf.out
   */
  readonly outdir?: string;
  /**
   * Write plain HCL (`cdk.tf`) instead of JSON: the way out of CDKTF.
   * @default false
   */
  readonly hclOutput?: boolean;
  /** @default apps/order-actions/dist */
  readonly bundleDir?: string;
  /** @default apps/kb-apply-steps/dist */
  readonly kbIndexBundleDir?: string;
  /** @default knowledge-base/documents */
  readonly documentsDir?: string;
  /** @default infra/agent/instruction.md */
  readonly instructionFile?: string;
  /** @default schemas/order-management-api.json */
  readonly schemaFile?: string;
  /** @default infra/config/model-lifecycle.json */
  readonly modelLifecycleFile?: string;
  /** The day models are checked against their end of life. @default now */
  readonly today?: Date;
  /** Where a model near its end of life is reported. @default console.warn */
  readonly warn?: (line: string) => void;
}

/** The app: the state bootstrap stack, and per configured environment its stack and its deploy-access stack. */
export function buildApp(options: BuildAppOptions): App {
  const { config } = options;
  // A model past its end of life cannot answer: fail before anything is written.
  const lifecycle = readModelLifecycleTable(options.modelLifecycleFile ?? MODEL_LIFECYCLE_FILE);
  const models = checkConfiguredModels(config, lifecycle, options.today ?? new Date());
  if (models.errors.length > 0) throw new ModelLifecycleError(models.errors.join('; '));
  for (const warning of models.warnings) (options.warn ?? console.warn)(`warning: ${warning}`);
  if (options.outdir !== undefined) mkdirSync(options.outdir, { recursive: true });
  const app = new App({
    ...(options.outdir === undefined ? {} : { outdir: options.outdir }),
    hclOutput: options.hclOutput ?? false,
  });
  const sources = {
    instruction: readInput(options.instructionFile ?? AGENT_INSTRUCTION_FILE, 'the agent instruction'),
    apiSchema: readInput(options.schemaFile ?? ORDER_API_SCHEMA_FILE, 'the order API schema'),
    bundleDir: options.bundleDir ?? ORDER_ACTIONS_BUNDLE_DIR,
    kbIndexBundleDir: options.kbIndexBundleDir ?? KB_APPLY_STEPS_BUNDLE_DIR,
    documentsDir: options.documentsDir ?? KB_DOCUMENTS_DIR,
    inferenceProfileRegions: inferenceProfileRegions(lifecycle),
  };
  withHclSynthesis(options.hclOutput ?? false, () => {
    // The state bucket is production for every environment: always protected.
    applyStateSafety(
      new StateStack(app, {
        project: config.project,
        state: config.state,
        environments: config.environments,
      }),
      {
        preventDestroy: true,
      },
    );
    for (const environment of config.environments) {
      const stack = new EnvironmentStack(app, {
        project: config.project,
        environment,
        state: config.state,
        sources,
      });
      // Production configuration (deletionProtection) also puts prevent_destroy on every stateful resource.
      applyStateSafety(stack, { preventDestroy: environment.deletionProtection });
      // Step 0 of each environment account: the CI roles (IAM only, nothing stateful).
      new DeployAccessStack(app, {
        project: config.project,
        environment,
        state: config.state,
        github: config.github,
      });
    }
  });
  return app;
}

/**
 * cdktf 0.21 ignores the App's `hclOutput` when it writes a stack: each stack reads SYNTH_HCL_OUTPUT (what
 * `cdktf synth --hcl` sets) in its constructor. Set it while the stacks are built, then put it back.
 */
function withHclSynthesis(enabled: boolean, build: () => void): void {
  const previous = process.env.SYNTH_HCL_OUTPUT;
  if (enabled) process.env.SYNTH_HCL_OUTPUT = 'true';
  try {
    build();
  } finally {
    if (previous === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = previous;
  }
}

function readInput(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new MissingInputError(
      `cannot read ${what} (${relative(REPO_ROOT, file) || file}): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
