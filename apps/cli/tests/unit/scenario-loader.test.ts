import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../../src/errors';
import { loadScenario, scenarioFiles } from '../../src/eval/scenario-loader';
import { OperationCatalog } from '../../src/schema/operation-catalog';

const catalog = OperationCatalog.orderManagement();
const STARTERS = resolve(__dirname, '../../scenarios');

test.each(readdirSync(STARTERS))('starter scenario %s is valid', (file) => {
  const scenario = loadScenario(file, STARTERS, catalog);
  expect(scenario.turns.length).toBeGreaterThan(0);
  expect(scenario.name.length).toBeGreaterThan(0);
});

test('a directory expands to its scenario files in name order', () => {
  expect(scenarioFiles(['.'], STARTERS)).toEqual(
    readdirSync(STARTERS)
      .sort()
      .map((name) => join('.', name)),
  );
});

describe('normalising what people write', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'order-agent-scenario-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  test('confirm answers, single strings and number-valued parameters', () => {
    writeFileSync(
      join(scratch, 's.yaml'),
      `name: N
turns:
  - user: a
    confirm: yes
    expect:
      called: [getOrderStatus, { operation: initiateReturn, parameters: { orderId: ORD-1, quantity: 2 } }]
      answerContains: only one
  - user: b
    confirm: false
`,
    );
    const scenario = loadScenario('s.yaml', scratch, catalog);
    expect(scenario.turns[0]).toEqual({
      user: 'a',
      confirm: 'CONFIRM',
      expect: {
        called: [
          { operation: 'getOrderStatus' },
          { operation: 'initiateReturn', parameters: { orderId: 'ORD-1', quantity: '2' } },
        ],
        answerContains: ['only one'],
      },
    });
    expect(scenario.turns[1]).toEqual({ user: 'b', confirm: 'DENY', expect: {} });
  });

  test('JSON files are read as JSON, with JSON error messages', () => {
    writeFileSync(join(scratch, 'bad.json'), '{"name": ');
    expect(() => loadScenario('bad.json', scratch, catalog)).toThrow(UsageError);
    expect(() => loadScenario('bad.json', scratch, catalog)).toThrow('bad.json is not valid JSON');
  });
});
