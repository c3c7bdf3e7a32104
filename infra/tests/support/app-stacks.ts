import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { buildApp } from '../../src/app';
import { loadInfraConfig } from '../../src/config/load-config';
import { DEFAULT_CONFIG_FILE } from '../../src/paths';
import { errorAnnotations, FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../helpers';

export type SynthesizedStack = Record<string, unknown> & {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
};

/**
 * Every stack of the real app (the reviewed configuration, the stand-in bundles), synthesized with its aspects,
 * by stack name; `errors` holds the error annotations the aspects left (policy and state-safety rules).
 */
export function synthesizeAppStacks(): {
  stacks: Record<string, SynthesizedStack>;
  errors: Record<string, string[]>;
} {
  const outdir = mkdtempSync(join(tmpdir(), 'infra-state-app-'));
  try {
    const app = buildApp({
      config: loadInfraConfig(DEFAULT_CONFIG_FILE),
      outdir,
      bundleDir: FIXTURE_BUNDLE_DIR,
      kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
    });
    const stacks = app.node.children.filter((child): child is TerraformStack =>
      TerraformStack.isStack(child),
    );
    const synthesized = stacks.map(
      (stack) => [stack, JSON.parse(Testing.synth(stack)) as SynthesizedStack] as const,
    );
    return {
      stacks: Object.fromEntries(synthesized.map(([stack, json]) => [stack.node.id, json])),
      errors: Object.fromEntries(stacks.map((stack) => [stack.node.id, errorAnnotations(stack)])),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
