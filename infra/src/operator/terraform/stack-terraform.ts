import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformCommandError } from '../../errors';
import { type ProcessResult, runProcess, terraformFailureCause } from './run-process';
import { terraformBinary } from './terraform-env';
import { terraformInit } from './terraform-init';

export interface StackTerraformOptions {
  readonly stack: string;
  /** The stack's working copy. */
  readonly dir: string;
  /** Environment of every terraform process (liveTerraformEnvironment(), or the offline one in tests). */
  readonly env: NodeJS.ProcessEnv;
  /** Colours in terraform's output: only when a person watches a terminal. @default false */
  readonly color?: boolean;
  /** Show plan and apply output as it comes (a real run takes minutes); else collect it. @default false */
  readonly stream?: boolean;
  /** Progress lines. @default none */
  readonly log?: (line: string) => void;
}

/** The terraform runs of one stack's working copy, each failure named by stack, step and terraform's cause. */
export class StackTerraform {
  private readonly binary: string;

  public constructor(private readonly options: StackTerraformOptions) {
    this.binary = terraformBinary(options.env);
  }

  /** Whether the working copy has been initialised (its providers installed). */
  public get initialised(): boolean {
    return existsSync(join(this.options.dir, '.terraform'));
  }

  public async init(flags?: readonly string[]): Promise<void> {
    const { log } = this.options;
    const result = await terraformInit(this.binary, this.options.dir, this.options.env, {
      ...(flags === undefined ? {} : { flags }),
      ...(log === undefined ? {} : { log }),
    });
    this.assertSucceeded('init', result);
  }

  /** Runs a long step (plan, apply) the way the options say; resolves even when terraform fails. */
  public run(command: 'plan' | 'apply', args: readonly string[]): Promise<ProcessResult> {
    const colour = this.options.color === true ? [] : ['-no-color'];
    return runProcess(this.binary, [command, '-input=false', ...colour, ...args], {
      cwd: this.options.dir,
      env: this.options.env,
      echo: this.options.stream === true,
    });
  }

  /** `terraform show -json <plan file>`, parsed. */
  public async showPlan<T>(planFile: string): Promise<{ json: string; plan: T }> {
    const shown = await runProcess(this.binary, ['show', '-no-color', '-json', planFile], {
      cwd: this.options.dir,
      env: this.options.env,
    });
    this.assertSucceeded('show', shown);
    return { json: shown.stdout, plan: JSON.parse(shown.stdout) as T };
  }

  /** `terraform output -json`, as output name -> value. */
  public async outputs(): Promise<Record<string, unknown>> {
    const result = await runProcess(this.binary, ['output', '-no-color', '-json'], {
      cwd: this.options.dir,
      env: this.options.env,
    });
    this.assertSucceeded('output', result);
    const outputs = JSON.parse(result.stdout || '{}') as Record<string, { value: unknown }>;
    return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, output.value]));
  }

  /** The terraform version and the providers the init selected. */
  public async versions(): Promise<{ terraform: string; providers: Record<string, string> }> {
    const result = await runProcess(this.binary, ['version', '-json'], {
      cwd: this.options.dir,
      env: this.options.env,
    });
    this.assertSucceeded('version', result);
    const parsed = JSON.parse(result.stdout) as {
      terraform_version: string;
      provider_selections?: Record<string, string>;
    };
    return { terraform: parsed.terraform_version, providers: parsed.provider_selections ?? {} };
  }

  /** Throws the one-line cause of a failed step. */
  public assertSucceeded(step: string, result: ProcessResult): void {
    if (result.code === 0) return;
    throw new TerraformCommandError(
      `${this.options.stack}: terraform ${step} failed: ${terraformFailureCause(result.stderr || result.stdout)}`,
    );
  }
}
