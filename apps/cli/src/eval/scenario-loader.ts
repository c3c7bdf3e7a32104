import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors';
import type { OperationCatalog } from '../schema/operation-catalog';
import type { ConfirmationAnswer, Expectations, ExpectedCall, Scenario, ScenarioTurn } from '../types';

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const TURN_KEYS = new Set(['user', 'confirm', 'expect']);
const EXPECT_KEYS = new Set([
  'called',
  'notCalled',
  'confirmationRequested',
  'answerContains',
  'answerNotContains',
  'knowledgeBaseUsed',
  'guardrailIntervened',
]);

/** Expands directories to the scenario files in them (sorted), keeping files as given. */
export function scenarioFiles(paths: readonly string[], cwd: string): string[] {
  return paths.flatMap((path) => {
    const absolute = resolve(cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new UsageError(`scenario file not found: ${path}`);
    }
    if (!isDirectory) return [path];
    return readdirSync(absolute)
      .filter((name) => SCENARIO_EXTENSIONS.has(extname(name)))
      .sort()
      .map((name) => join(path, name));
  });
}

/** Reads and checks one scenario file; any mistake is a usage error naming the file and the field. */
export function loadScenario(file: string, cwd: string, catalog: OperationCatalog): Scenario {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read scenario ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let document: unknown;
  try {
    document = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(
      `${file} is not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  return new ScenarioReader(file, catalog).scenario(document);
}

class ScenarioReader {
  constructor(
    private readonly file: string,
    private readonly catalog: OperationCatalog,
  ) {}

  scenario(document: unknown): Scenario {
    const root = this.object(document, '(top level)');
    const turns = root.turns;
    if (!Array.isArray(turns) || turns.length === 0) this.fail('turns', 'must be a non-empty list of turns');
    return {
      name: this.string(root.name, 'name'),
      ...(root.description !== undefined
        ? { description: this.string(root.description, 'description') }
        : {}),
      ...(root.customerId !== undefined ? { customerId: this.string(root.customerId, 'customerId') } : {}),
      file: this.file,
      turns: (turns as unknown[]).map((turn, index) => this.turn(turn, `turns[${index}]`)),
    };
  }

  private turn(value: unknown, at: string): ScenarioTurn {
    const turn = this.object(value, at);
    this.onlyKeys(turn, TURN_KEYS, at);
    return {
      user: this.string(turn.user, `${at}.user`),
      ...(turn.confirm !== undefined ? { confirm: this.confirmation(turn.confirm, `${at}.confirm`) } : {}),
      expect: turn.expect === undefined ? {} : this.expectations(turn.expect, `${at}.expect`),
    };
  }

  private expectations(value: unknown, at: string): Expectations {
    const expect = this.object(value, at);
    this.onlyKeys(expect, EXPECT_KEYS, at);
    const result: {
      -readonly [K in keyof Expectations]: Expectations[K];
    } = {};
    if (expect.called !== undefined) {
      if (!Array.isArray(expect.called))
        this.fail(`${at}.called`, 'must be a list of { operation, parameters }');
      result.called = (expect.called as unknown[]).map((call, index) =>
        this.call(call, `${at}.called[${index}]`),
      );
    }
    if (expect.notCalled !== undefined) {
      result.notCalled = this.strings(expect.notCalled, `${at}.notCalled`).map((name, index) =>
        this.operation(name, `${at}.notCalled[${index}]`),
      );
    }
    if (expect.confirmationRequested !== undefined) {
      result.confirmationRequested = this.operation(
        this.string(expect.confirmationRequested, `${at}.confirmationRequested`),
        `${at}.confirmationRequested`,
      );
    }
    if (expect.answerContains !== undefined) {
      result.answerContains = this.strings(expect.answerContains, `${at}.answerContains`);
    }
    if (expect.answerNotContains !== undefined) {
      result.answerNotContains = this.strings(expect.answerNotContains, `${at}.answerNotContains`);
    }
    if (expect.knowledgeBaseUsed !== undefined) {
      result.knowledgeBaseUsed = this.boolean(expect.knowledgeBaseUsed, `${at}.knowledgeBaseUsed`);
    }
    if (expect.guardrailIntervened !== undefined) {
      result.guardrailIntervened = this.boolean(expect.guardrailIntervened, `${at}.guardrailIntervened`);
    }
    return result;
  }

  private call(value: unknown, at: string): ExpectedCall {
    const call = typeof value === 'string' ? { operation: value } : this.object(value, at);
    this.onlyKeys(call, new Set(['operation', 'parameters']), at);
    const operation = this.operation(this.string(call.operation, `${at}.operation`), `${at}.operation`);
    if (call.parameters === undefined) return { operation };
    const parameters: Record<string, string> = {};
    for (const [name, parameter] of Object.entries(this.object(call.parameters, `${at}.parameters`))) {
      if (!['string', 'number', 'boolean'].includes(typeof parameter)) {
        this.fail(`${at}.parameters.${name}`, 'must be a string, number or boolean');
      }
      // Bedrock sends every value as a string, so compare as strings.
      parameters[name] = String(parameter);
    }
    return { operation, parameters };
  }

  private operation(name: string, at: string): string {
    if (this.catalog.get(name)) return name;
    const known = this.catalog.list().map((operation) => operation.operationId);
    return this.fail(at, `unknown operation "${name}" (operations: ${known.join(', ')})`);
  }

  private confirmation(value: unknown, at: string): ConfirmationAnswer {
    const normalised = String(value).trim().toLowerCase();
    if (['yes', 'y', 'true', 'confirm'].includes(normalised)) return 'CONFIRM';
    if (['no', 'n', 'false', 'deny'].includes(normalised)) return 'DENY';
    return this.fail(at, 'must be yes or no');
  }

  private object(value: unknown, at: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return this.fail(at, 'must be a mapping');
    return value as Record<string, unknown>;
  }

  private string(value: unknown, at: string): string {
    if (typeof value !== 'string' || value.trim() === '') return this.fail(at, 'must be a non-empty string');
    return value;
  }

  private strings(value: unknown, at: string): string[] {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.length === 0)
      return this.fail(at, 'must be a string or a list of strings');
    return list.map((item, index) =>
      this.string(typeof item === 'number' ? String(item) : item, `${at}[${index}]`),
    );
  }

  private boolean(value: unknown, at: string): boolean {
    if (typeof value !== 'boolean') return this.fail(at, 'must be true or false');
    return value;
  }

  private onlyKeys(record: Record<string, unknown>, allowed: ReadonlySet<string>, at: string): void {
    for (const key of Object.keys(record)) {
      if (!allowed.has(key))
        this.fail(`${at}.${key}`, `is not a known key (allowed: ${[...allowed].join(', ')})`);
    }
  }

  private fail(at: string, problem: string): never {
    throw new UsageError(`${this.file}: ${at} ${problem}`);
  }
}
