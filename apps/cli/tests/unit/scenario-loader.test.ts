import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../../src/errors';
import { loadScenario, scenarioFiles } from '../../src/eval/scenario-loader';
import { OperationCatalog } from '../../src/schema/operation-catalog';

const catalog = OperationCatalog.orderManagement();
const STARTERS = resolve(__dirname, '../../scenarios');

test.each(readdirSync(STARTERS))('starter scenario %s is valid and runs as a sample customer', (file) => {
  const scenario = loadScenario(file, STARTERS, catalog);
  expect(scenario.turns.length).toBeGreaterThan(0);
  expect(scenario.name.length).toBeGreaterThan(0);
  expect(scenario.customerId).toMatch(/^CUST-100[1-3]$/);
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

  test('customerId is optional, and must be a non-empty string when given', () => {
    writeFileSync(join(scratch, 'a.yaml'), 'name: A\ncustomerId: CUST-1002\nturns:\n  - user: a\n');
    writeFileSync(join(scratch, 'b.yaml'), 'name: B\nturns:\n  - user: b\n');
    writeFileSync(join(scratch, 'c.yaml'), 'name: C\ncustomerId: 42\nturns:\n  - user: c\n');
    expect(loadScenario('a.yaml', scratch, catalog).customerId).toBe('CUST-1002');
    expect(loadScenario('b.yaml', scratch, catalog)).not.toHaveProperty('customerId');
    expect(() => loadScenario('c.yaml', scratch, catalog)).toThrow(
      'c.yaml: customerId must be a non-empty string',
    );
  });

  test('JSON files are read as JSON, with JSON error messages', () => {
    writeFileSync(join(scratch, 'bad.json'), '{"name": ');
    expect(() => loadScenario('bad.json', scratch, catalog)).toThrow(UsageError);
    expect(() => loadScenario('bad.json', scratch, catalog)).toThrow('bad.json is not valid JSON');
  });
});
