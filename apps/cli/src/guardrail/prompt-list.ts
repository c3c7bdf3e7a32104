import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import builtInPrompts from '../../guardrail/prompts.json';
import { UsageError } from '../errors';
import type { GuardrailPrompt } from '../types';

/** Where the built-in list lives in the repository (it is compiled into the CLI). */
export const BUILT_IN_PROMPTS_FILE = 'apps/cli/guardrail/prompts.json';
/** ApplyGuardrail takes at most 25 text units (1,000 characters each) per call; one prompt stays far below. */
const MAX_PROMPT_LENGTH = 2000;
const TOP_KEYS = new Set(['$comment', 'onTopic', 'offTopic']);
const ENTRY_KEYS = {
  onTopic: new Set(['prompt', 'covers']),
  offTopic: new Set(['prompt', 'topic']),
} as const;

/** The prompts to check and where they came from. */
export interface PromptList {
  readonly source: string;
  readonly prompts: readonly GuardrailPrompt[];
}

/** The list compiled into the CLI (apps/cli/guardrail/prompts.json). */
export function builtInPromptList(): PromptList {
  return { source: BUILT_IN_PROMPTS_FILE, prompts: readPromptList(builtInPrompts, BUILT_IN_PROMPTS_FILE) };
}

/** Reads and checks a prompt list file; any mistake is a usage error naming the file and the entry. */
export function loadPromptList(file: string, cwd: string): PromptList {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read prompt list ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  return { source: file, prompts: readPromptList(document, file) };
}

/** `{ onTopic: [{ prompt, covers? }], offTopic: [{ prompt, topic? }] }`, both lists non-empty. */
export function readPromptList(document: unknown, file: string): GuardrailPrompt[] {
  if (!isObject(document))
    fail(file, 'the document', 'must be an object { onTopic: [...], offTopic: [...] }');
  for (const key of Object.keys(document)) {
    if (!TOP_KEYS.has(key)) fail(file, key, 'is not a known key (onTopic, offTopic)');
  }
  return (['onTopic', 'offTopic'] as const).flatMap((list) => {
    const entries = document[list];
    if (!Array.isArray(entries) || entries.length === 0) fail(file, list, 'must be a non-empty list');
    return entries.map((entry, index) => readEntry(file, list, `${list}[${index}]`, entry));
  });
}

function readEntry(
  file: string,
  list: 'onTopic' | 'offTopic',
  where: string,
  entry: unknown,
): GuardrailPrompt {
  if (!isObject(entry)) fail(file, where, 'must be an object with a "prompt"');
  const allowed = ENTRY_KEYS[list];
  for (const key of Object.keys(entry)) {
    if (!allowed.has(key)) fail(file, `${where}.${key}`, `is not a known key (${[...allowed].join(', ')})`);
  }
  const { prompt } = entry;
  if (typeof prompt !== 'string' || prompt.trim() === '' || prompt.length > MAX_PROMPT_LENGTH) {
    fail(file, `${where}.prompt`, `must be text of 1 to ${MAX_PROMPT_LENGTH} characters`);
  }
  const noteKey = list === 'onTopic' ? 'covers' : 'topic';
  const note = entry[noteKey];
  if (note !== undefined && typeof note !== 'string') fail(file, `${where}.${noteKey}`, 'must be text');
  return {
    side: list === 'onTopic' ? 'on-topic' : 'off-topic',
    prompt,
    ...(note === undefined ? {} : { [noteKey]: note }),
  };
}

function fail(file: string, where: string, problem: string): never {
  throw new UsageError(`${file}: ${where} ${problem}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
