import { type IntegerLimit, isLogRetentionDays, isWithin } from './rules';

export type Json = Record<string, unknown>;

/** Reads one key of a section: its value, or undefined after recording why it is wrong. */
export type FieldReader<T> = (reader: ConfigReader, doc: Json, path: string, key: string) => T | undefined;

/** A reader for every key of `T`: the section's allowed keys are exactly these. */
export type FieldReaders<T> = { readonly [K in keyof T]-?: FieldReader<T[K]> };

export interface ReadFieldsOptions {
  /**
   * Keys that may be present and are not read (`$comment`).
   * @default []
   */
  readonly ignoredKeys?: readonly string[];
  /**
   * Read only the keys present (each has a default elsewhere).
   * @default false: every key is required
   */
  readonly onlyPresent?: boolean;
}

/**
 * Reads typed values out of a parsed JSON document, recording a problem (with its JSON path) and returning
 * undefined for each one that is wrong, so that every problem of a file is reported at once.
 */
export class ConfigReader {
  public readonly problems: string[] = [];

  public problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  public object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problem(path, value === undefined ? 'is missing' : 'must be an object');
    return undefined;
  }

  /**
   * Reads every key of the section with `readers`, whose keys are the only ones allowed (a misspelt key would
   * otherwise fall back silently); undefined when any key is missing or wrong.
   */
  public fields<T>(
    doc: Json,
    path: string,
    readers: FieldReaders<T>,
    options: Pick<ReadFieldsOptions, 'ignoredKeys'> = {},
  ): T | undefined {
    const { values, complete } = this.eachField(doc, path, readers, { ...options, onlyPresent: false });
    return complete ? (values as T) : undefined;
  }

  /** Like fields(), for a section whose every key is optional: the keys present; undefined when one is wrong. */
  public presentFields<T>(doc: Json, path: string, readers: FieldReaders<T>): Partial<T> | undefined {
    const { values, complete } = this.eachField(doc, path, readers, { onlyPresent: true });
    return complete ? values : undefined;
  }

  /** Like fields(), but returns the values read well even when others are wrong (for checks across keys). */
  public eachField<T>(
    doc: Json,
    path: string,
    readers: FieldReaders<T>,
    options: ReadFieldsOptions = {},
  ): { readonly values: Partial<T>; readonly complete: boolean } {
    const keys = Object.keys(readers) as (keyof T & string)[];
    const allowed = [...(options.ignoredKeys ?? []), ...keys];
    for (const key of Object.keys(doc)) {
      if (!allowed.includes(key))
        this.problem(`${path}.${key}`, `unknown key (allowed: ${allowed.join(', ')})`);
    }
    const read = keys
      .filter((key) => !options.onlyPresent || doc[key] !== undefined)
      .map((key) => [key, readers[key](this, doc, path, key)] as const);
    const values = Object.fromEntries(read.filter(([, value]) => value !== undefined)) as Partial<T>;
    return { values, complete: read.every(([, value]) => value !== undefined) };
  }

  public string(doc: Json, path: string, key: string, pattern: RegExp, expected: string): string | undefined {
    const value = doc[key];
    if (typeof value === 'string' && pattern.test(value)) return value;
    this.problem(`${path}.${key}`, `${notAllowed(value)}; expected ${expected}`);
    return undefined;
  }

  public integer(doc: Json, path: string, key: string, limit: IntegerLimit): number | undefined {
    const value = doc[key];
    if (isWithin(value, limit)) return value;
    this.problem(
      `${path}.${key}`,
      `${notAllowed(value)}; expected an integer from ${limit.min} to ${limit.max}`,
    );
    return undefined;
  }

  public boolean(doc: Json, path: string, key: string): boolean | undefined {
    const value = doc[key];
    if (typeof value === 'boolean') return value;
    this.problem(`${path}.${key}`, `${notAllowed(value)}; expected true or false`);
    return undefined;
  }

  public oneOf<T extends string>(doc: Json, path: string, key: string, allowed: readonly T[]): T | undefined {
    const value = doc[key];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(`${path}.${key}`, `${notAllowed(value)}; expected one of ${allowed.join(', ')}`);
    return undefined;
  }

  public retentionDays(doc: Json, path: string, key: string): number | undefined {
    const value = doc[key];
    if (typeof value === 'number' && isLogRetentionDays(value)) return value;
    this.problem(
      `${path}.${key}`,
      `${notAllowed(value)}; expected a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, ...)`,
    );
    return undefined;
  }

  /** A list of strings matching `pattern` (`what` names them); missing is an empty list. */
  public patternList(
    doc: Json,
    path: string,
    key: string,
    pattern: RegExp,
    what: string,
  ): readonly string[] | undefined {
    const value = doc[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problem(`${path}.${key}`, `${notAllowed(value)}; expected a list of ${what} (may be empty)`);
      return undefined;
    }
    const bad = value.filter((item) => typeof item !== 'string' || !pattern.test(item));
    if (bad.length > 0) {
      this.problem(`${path}.${key}`, `not ${what}: ${bad.map((item) => JSON.stringify(item)).join(', ')}`);
      return undefined;
    }
    return value as string[];
  }
}

/** Field readers for the tables in parse-config.ts: one line per configuration key. */
export const field = {
  string:
    (pattern: RegExp, expected: string): FieldReader<string> =>
    (reader, doc, path, key) =>
      reader.string(doc, path, key, pattern, expected),
  integer:
    (limit: IntegerLimit): FieldReader<number> =>
    (reader, doc, path, key) =>
      reader.integer(doc, path, key, limit),
  boolean: (): FieldReader<boolean> => (reader, doc, path, key) => reader.boolean(doc, path, key),
  oneOf:
    <T extends string>(allowed: readonly T[]): FieldReader<T> =>
    (reader, doc, path, key) =>
      reader.oneOf(doc, path, key, allowed),
  retentionDays: (): FieldReader<number> => (reader, doc, path, key) => reader.retentionDays(doc, path, key),
  /** An optional list of strings matching `pattern`; `what` names them in messages. */
  list:
    (pattern: RegExp, what: string): FieldReader<readonly string[]> =>
    (reader, doc, path, key) =>
      reader.patternList(doc, path, key, pattern, what),
  /** A nested object, read by `read` (its own field table). */
  section:
    <T>(read: (reader: ConfigReader, doc: Json, path: string) => T | undefined): FieldReader<T> =>
    (reader, doc, path, key) => {
      const sectionPath = `${path}.${key}`;
      const section = reader.object(doc[key], sectionPath);
      return section === undefined ? undefined : read(reader, section, sectionPath);
    },
} as const;

function notAllowed(value: unknown): string {
  return value === undefined ? 'is missing' : `${JSON.stringify(value)} is not allowed`;
}
