import { readFileSync } from 'node:fs';
import { parseInfraConfig } from '../../../src/config/parse-config';
import { LIMITS } from '../../../src/config/rules';
import { ConfigError } from '../../../src/errors';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';
import { newStack } from '../../helpers';
import { agentFixture, ordersFixture } from '../../support/construct-fixtures';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit copies of the JSON document freely.
type Doc = Record<string, any>;

/** The problems of the reviewed file with one dev key changed ([] when it is accepted). */
function devProblems(key: string, value: unknown): readonly string[] {
  const doc = JSON.parse(readFileSync(DEFAULT_CONFIG_FILE, 'utf8')) as Doc;
  doc.environments.dev[key] = value;
  try {
    parseInfraConfig(doc);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const orderActions = (props: { memoryMb?: number; timeoutSeconds?: number }) =>
  ordersFixture(newStack(), props);

describe('one table of limits for the configuration and the constructs', () => {
  it.each([
    ['lambdaMemoryMb', 'memoryMb', LIMITS.lambdaMemoryMb],
    ['lambdaTimeoutSeconds', 'timeoutSeconds', LIMITS.lambdaTimeoutSeconds],
  ] as const)('%s: both accept the ends of the range and refuse one past them', (key, prop, limit) => {
    for (const value of [limit.min, limit.max]) {
      expect(devProblems(key, value)).toEqual([]);
      expect(() => orderActions({ [prop]: value })).not.toThrow();
    }
    for (const value of [limit.min - 1, limit.max + 1]) {
      expect(devProblems(key, value).join('\n')).toContain(`from ${limit.min} to ${limit.max}`);
      expect(() => orderActions({ [prop]: value })).toThrow(`from ${limit.min} to ${limit.max}`);
    }
  });
});

describe('the configuration key lists', () => {
  it('name every key of an environment, read from the one field table', () => {
    const [problem] = devProblems('modelID', 'x');
    expect(problem).toBe(
      '$.environments.dev.modelID: unknown key (allowed: accountId, region, owner, modelId, ' +
        'idleSessionTtlSeconds, lambdaMemoryMb, lambdaTimeoutSeconds, logRetentionDays, deletionProtection, ' +
        'alarms, knowledgeBase, modelInvocationLogging, access)',
    );
  });
});

describe('one Bedrock name pattern for the configuration and the constructs', () => {
  it('refuses a project or environment name that would make an agent name Bedrock refuses', () => {
    const doc = JSON.parse(readFileSync(DEFAULT_CONFIG_FILE, 'utf8')) as Doc;
    doc.project = 'order--agent';
    doc.environments['dev--eu'] = doc.environments.dev;
    let problems: readonly string[] = [];
    try {
      parseInfraConfig(doc);
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      '$.project: "order--agent" prefixes Bedrock resource names, which take no two hyphens in a row',
      '$.environments.dev--eu: "dev--eu" prefixes Bedrock resource names, which take no two hyphens in a row',
    ]);
    expect(() => agentFixture(newStack(), { agentName: 'order--agent-dev' })).toThrow(
      /agent name "order--agent-dev" is not valid/,
    );
  });
});
