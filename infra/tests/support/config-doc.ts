import { readFileSync } from 'node:fs';
import { parseInfraConfig } from '../../src/config/parse-config';
import type { InfraConfig } from '../../src/config/types';
import { ConfigError } from '../../src/errors';
import { DEFAULT_CONFIG_FILE } from '../../src/paths';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit copies of the JSON document freely.
export type Doc = Record<string, any>;

/** A fresh copy of the reviewed configuration document (infra/config/environments.json). */
export const reviewed = (): Doc => JSON.parse(readFileSync(DEFAULT_CONFIG_FILE, 'utf8'));

/** The problems parseInfraConfig reports after `change` edits a copy of the reviewed file. */
export function problemsAfter(change: (doc: Doc) => void): readonly string[] {
  const doc = reviewed();
  change(doc);
  try {
    parseInfraConfig(doc);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

/** The configuration parsed after `change` edits a copy of the reviewed file. */
export function configAfter(change: (doc: Doc) => void): InfraConfig {
  const doc = reviewed();
  change(doc);
  return parseInfraConfig(doc);
}
