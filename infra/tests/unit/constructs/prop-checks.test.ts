import { TerraformVariable } from 'cdktf';
import { OrderActionsFunction } from '../../../src/constructs/order-actions-function';
import { OrdersTable } from '../../../src/constructs/orders-table';
import { checkInteger, checkName, checkProp, isKnownAtSynth } from '../../../src/constructs/prop-checks';
import { ConstructPropsError } from '../../../src/errors';
import { FIXTURE_BUNDLE_DIR, newStack, onlyResource, ref, synth } from '../../helpers';

const LIMIT = { min: 1, max: 10, unit: 'widgets' };

describe('construct prop checks', () => {
  it('reject a known value the rule rejects, naming the construct path', () => {
    expect(() => checkName('stack/Thing', 'thing name', 'a b', /^\w+$/)).toThrow(ConstructPropsError);
    expect(() => checkName('stack/Thing', 'thing name', 'a b', /^\w+$/)).toThrow(
      'stack/Thing: thing name "a b" is not valid',
    );
    expect(() => checkInteger('stack/Thing', 'the count', 11, LIMIT)).toThrow(
      'stack/Thing: the count must be an integer from 1 to 10 widgets',
    );
    expect(() => checkProp('stack/Thing', 'x', () => false, 'no')).toThrow('stack/Thing: no');
  });

  it('pass a known value the rule accepts, and undefined (a prop left to its default) for integers', () => {
    expect(() => checkName('p', 'name', 'ok', /^\w+$/)).not.toThrow();
    expect(() => checkInteger('p', 'the count', 10, LIMIT)).not.toThrow();
    expect(() => checkInteger('p', 'the count', undefined, LIMIT)).not.toThrow();
  });

  it('pass tokens, which only apply can judge', () => {
    const stack = newStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
    const count = new TerraformVariable(stack, 'count', { type: 'number' }).numberValue;
    expect(isKnownAtSynth('plain', 3)).toBe(true);
    expect(isKnownAtSynth('plain', name)).toBe(false);
    expect(isKnownAtSynth(count)).toBe(false);
    expect(() => checkName('p', 'name', name, /^\w+$/)).not.toThrow();
    expect(() => checkInteger('p', 'the count', count, LIMIT)).not.toThrow();
  });

  it('let a construct take a name known only at apply', () => {
    const stack = newStack();
    const tableName = new TerraformVariable(stack, 'table_name', { type: 'string' }).stringValue;
    const memoryMb = new TerraformVariable(stack, 'memory', { type: 'number' }).numberValue;
    const table = new OrdersTable(stack, 'OrdersTable', { tableName });
    new OrderActionsFunction(stack, 'OrderActions', {
      functionName: 'order-actions',
      bundleDir: FIXTURE_BUNDLE_DIR,
      table,
      logRetentionDays: 14,
      memoryMb,
    });
    const json = synth(stack);
    expect(onlyResource(json, 'aws_dynamodb_table').name).toBe(ref('var.table_name'));
    expect(onlyResource(json, 'aws_lambda_function').memory_size).toBe(ref('var.memory'));
  });
});
