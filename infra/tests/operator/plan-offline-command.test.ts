import { resolve } from 'node:path';
import { InfraError, StateUsageError } from '../../src/errors';
import { reportPlanGuard, takeAllowDestroy } from '../../src/operator/plan-guard-report';
import { parsePlanOfflineArguments } from '../../src/operator/plan-offline-command';
import { SYNTH_OUT_DIR } from '../../src/paths';

const destroysTable = {
  resource_changes: [
    {
      address: 'aws_dynamodb_table.orders_table',
      mode: 'managed',
      type: 'aws_dynamodb_table',
      change: { actions: ['delete'] },
    },
  ],
};

describe('plan:offline arguments', () => {
  it('reads the synth dir, prior states, repeatable --allow-destroy and the stacks', () => {
    expect(
      parsePlanOfflineArguments([
        '--synth-dir',
        'out',
        '--state',
        'order-agent-prod=prod.tfstate',
        '--allow-destroy',
        'aws_kms_key.a',
        '--allow-destroy=aws_sns_topic.b',
        'order-agent-prod',
      ]),
    ).toEqual({
      synthDir: resolve('out'),
      stacks: ['order-agent-prod'],
      priorStates: { 'order-agent-prod': resolve('prod.tfstate') },
      allowDestroy: ['aws_kms_key.a', 'aws_sns_topic.b'],
    });
    expect(parsePlanOfflineArguments([])).toEqual({
      synthDir: SYNTH_OUT_DIR,
      stacks: [],
      priorStates: {},
      allowDestroy: [],
    });
  });

  it.each([
    [['--allow-destroy'], '--allow-destroy needs the address it allows'],
    [['--allow-destroy', '--state'], '--allow-destroy needs the address it allows'],
    [['--state', 'prod.tfstate'], '--state takes <stack>=<state file>, not "prod.tfstate"'],
    [['--force'], 'unknown option --force'],
  ])('refuses %j in one line', (argv, message) => {
    expect(() => parsePlanOfflineArguments(argv)).toThrow(InfraError);
    expect(() => parsePlanOfflineArguments(argv)).toThrow(message);
  });

  it('reports --allow-destroy without an address as a usage error', () => {
    expect(() => takeAllowDestroy(['--allow-destroy'])).toThrow(StateUsageError);
  });
});

describe('reportPlanGuard', () => {
  it('fails and names the address when a plan destroys a stateful resource nobody allowed', () => {
    const printed: string[] = [];
    expect(
      reportPlanGuard([{ stack: 'order-agent-dev', plan: destroysTable }], [], (text) => printed.push(text)),
    ).toBe(false);
    expect(printed.join('\n')).toContain(
      'order-agent-dev would destroy stateful resources:\n  aws_dynamodb_table.orders_table: delete',
    );
  });

  it('passes when --allow-destroy names it, and says so; an allow that matches nothing is pointed out', () => {
    const printed: string[] = [];
    const ok = reportPlanGuard(
      [{ stack: 'order-agent-dev', plan: destroysTable }],
      ['aws_dynamodb_table.orders_table', 'aws_dynamodb_table.typo'],
      (text) => printed.push(text),
    );
    expect(ok).toBe(true);
    expect(printed).toEqual([
      'plan guard: order-agent-dev will delete aws_dynamodb_table.orders_table (allowed by --allow-destroy)',
      'plan guard: --allow-destroy aws_dynamodb_table.typo matched nothing the plans destroy',
      'plan guard: no stateful resource is destroyed or replaced without --allow-destroy',
    ]);
  });
});
