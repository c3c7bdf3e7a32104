import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import { OfflinePlanError } from '../../errors';

/** The synth output's manifest.json: where each stack's directory and configuration are. */
export interface SynthManifest {
  readonly stacks: Record<
    string,
    { readonly workingDirectory: string; readonly synthesizedStackPath: string }
  >;
}

export interface WorkingCopyOptions {
  /** The synth output directory (manifest.json, stacks/<stack>/cdk.tf.json). */
  readonly synthDir: string;
  readonly stack: string;
  /** Where to put the copy; a `.terraform` from an earlier run there is kept (init then only re-links). */
  readonly dir: string;
  /**
   * An `*_override.tf.json` to write next to the configuration, made from the synthesized stack.
   * @default none
   */
  readonly override?: {
    readonly file: string;
    readonly content: (synthesized: Record<string, unknown>) => Record<string, unknown>;
  };
  /**
   * Rewrites the copy's configuration (cdk.tf.json), given the synthesized one; the synthesized file is untouched.
   * @default the copy is the synthesized configuration as is
   */
  readonly rewrite?: (synthesized: Record<string, unknown>) => Record<string, unknown>;
  /**
   * A state file to copy into the working copy, and the name to give it.
   * @default none
   */
  readonly state?: { readonly from: string; readonly to: string };
}

export function readManifest(synthDir: string): SynthManifest {
  const file = join(synthDir, 'manifest.json');
  if (!existsSync(file)) throw new OfflinePlanError(`${file} is missing: synthesize first (npm run synth)`);
  return JSON.parse(readFileSync(file, 'utf8')) as SynthManifest;
}

/** The synthesized configuration (cdk.tf.json) of one stack. */
export function readSynthesizedStack(synthDir: string, stack: string): Record<string, unknown> {
  const entry = readManifest(synthDir).stacks[stack];
  if (entry === undefined) throw new OfflinePlanError(`no synthesized stack named ${stack}`);
  return JSON.parse(readFileSync(join(synthDir, entry.synthesizedStackPath), 'utf8')) as Record<
    string,
    unknown
  >;
}

/**
 * Copies one synthesized stack (configuration and assets) into its own directory, so that terraform runs
 * there never touch the directory a real `cdktf deploy` uses. Returns the directory.
 */
export function prepareWorkingCopy(options: WorkingCopyOptions): string {
  const { synthDir, stack, dir } = options;
  const entry = readManifest(synthDir).stacks[stack];
  if (entry === undefined) throw new OfflinePlanError(`no synthesized stack named ${stack}`);
  if (!entry.synthesizedStackPath.endsWith('.json')) {
    throw new OfflinePlanError(`${stack}: the terraform runs read JSON synth output, not HCL`);
  }
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name !== '.terraform' && name !== '.terraform.lock.hcl')
      rmSync(join(dir, name), { recursive: true, force: true });
  }
  cpSync(join(synthDir, entry.workingDirectory), dir, {
    recursive: true,
    // Leave out what a real `cdktf deploy` may have left in the stack directory.
    filter: (path) =>
      !['.terraform', '.terraform.lock.hcl'].includes(basename(path)) && !/\.tfstate/.test(path),
  });
  const synthesized = (): Record<string, unknown> =>
    JSON.parse(readFileSync(join(synthDir, entry.synthesizedStackPath), 'utf8'));
  if (options.rewrite !== undefined) {
    const copied = join(dir, relative(entry.workingDirectory, entry.synthesizedStackPath));
    writeFileSync(copied, `${JSON.stringify(options.rewrite(synthesized()), null, 2)}\n`);
  }
  if (options.override !== undefined) {
    writeFileSync(
      join(dir, options.override.file),
      `${JSON.stringify(options.override.content(synthesized()), null, 2)}\n`,
    );
  }
  if (options.state !== undefined) {
    if (!existsSync(options.state.from)) {
      throw new OfflinePlanError(`${stack}: the state file ${options.state.from} does not exist`);
    }
    copyFileSync(options.state.from, join(dir, options.state.to));
  }
  return dir;
}
