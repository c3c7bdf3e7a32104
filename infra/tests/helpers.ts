import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AnnotationMetadataEntryType,
  type App,
  DefaultTokenResolver,
  StringConcat,
  type TerraformStack,
  Testing,
  Tokenization,
} from 'cdktf';
import { Construct } from 'constructs';
import { type PolicyStatement, renderedDocument } from '../src/iam';
import { PolicyCheckedStack } from '../src/stacks/policy-checked-stack';

export const FIXTURE_BUNDLE_DIR = join(__dirname, 'fixtures', 'order-actions-bundle');
/** A stand-in kb-index bundle (both handlers), so the tests do not depend on that build either. */
export const KB_INDEX_FIXTURE_BUNDLE_DIR = join(__dirname, 'fixtures', 'kb-index-bundle');
export const ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
export const INSTRUCTION = 'Help customers with their orders, confirm before any change, stay in scope.';

type Json = Record<string, unknown>;

/** One output directory for every test app of a test file (cdktf's Testing.app() leaves one per app behind). */
const OUTDIR = mkdtempSync(join(tmpdir(), 'infra-test-'));

/** A test app writing into this file's output directory. */
export function testApp(): App {
  return Testing.app({ outdir: OUTDIR });
}

/** A fresh directory inside this file's output directory (removed with it). */
export function testTempDir(prefix: string): string {
  return mkdtempSync(join(OUTDIR, prefix));
}

/** Removes the output directory (tests/setup.ts calls it after each test file). */
export function removeTestOutdir(): void {
  rmSync(OUTDIR, { recursive: true, force: true });
}

/** A policy-checked stack with an AWS provider, as the app's stacks are. */
export function newStack(id = 'test'): PolicyCheckedStack {
  return new PolicyCheckedStack(testApp(), id, {
    accountId: ACCOUNT,
    region: REGION,
    tags: { project: 'test' },
  });
}

/** Synthesizes (aspects run) and parses the stack. */
export function synth(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack)) as Json;
}

/** The resources of one type in a synthesized stack, by logical id. */
export function resources(json: Json, type: string): Record<string, Json> {
  return ((json.resource as Record<string, Record<string, Json>> | undefined)?.[type] ?? {}) as Record<
    string,
    Json
  >;
}

/** A Terraform reference as the synth writes it: `${<address>}`. */
export function ref(address: string): string {
  return `\${${address}}`;
}

/** The first block of a nested block list (`api_schema`, `rule`, ...). */
export function first(blocks: unknown): Json {
  return (blocks as Json[])[0]!;
}

/** The single resource of a type (fails the test when there is not exactly one). */
export function onlyResource(json: Json, type: string): Json {
  const all = Object.values(resources(json, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
}

/**
 * The statements of a policy attribute: a synthesized JSON literal, or (for documents with references, which
 * renderPolicy() turns into jsonencode() expressions) the unresolved value of the resource's `policyInput`.
 */
export function statements(policy: unknown): PolicyStatement[] {
  const rendered = renderedDocument(policy);
  if (rendered !== undefined) return [...rendered.Statement];
  return (JSON.parse(String(policy)) as { Statement: PolicyStatement[] }).Statement;
}

/** A value with its tokens resolved to Terraform references (`${aws_x.y.arn}`), as the synth writes them. */
export function resolved<T>(stack: TerraformStack, value: T): T {
  return Tokenization.resolve(value, {
    scope: stack,
    resolver: new DefaultTokenResolver(new StringConcat()),
  }) as T;
}

/** Error annotations (policy rule failures) on the stack's constructs after a synth. */
export function errorAnnotations(stack: TerraformStack): string[] {
  return annotations(stack, AnnotationMetadataEntryType.ERROR);
}

export function infoAnnotations(stack: TerraformStack): string[] {
  return annotations(stack, AnnotationMetadataEntryType.INFO);
}

function annotations(stack: TerraformStack, type: string): string[] {
  return stack.node
    .findAll()
    .flatMap((node) =>
      node.node.metadata.filter((entry) => entry.type === type).map((entry) => String(entry.data)),
    );
}

export { Construct };
