import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { OrdersTable } from '../../../src/constructs/orders-table';
import { ConstructPropsError } from '../../../src/errors';
import type { PolicyStatement } from '../../../src/iam';
import { newStack, onlyResource, resources, synth } from '../../helpers';

describe('OrdersTable', () => {
  it('defaults to on-demand, point-in-time recovery, deletion protection and an orderId key', () => {
    const stack = newStack();
    new OrdersTable(stack, 'OrdersTable', { tableName: 'orders' });
    const json = JSON.stringify(synth(stack));
    expect(json).toHaveResourceWithProperties(DynamodbTable, {
      name: 'orders',
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: 'orderId',
      attribute: [{ name: 'orderId', type: 'S' }],
      point_in_time_recovery: { enabled: true },
      deletion_protection_enabled: true,
    });
  });

  it('turns deletion protection and recovery off and renames the key when told to', () => {
    const stack = newStack();
    new OrdersTable(stack, 'OrdersTable', {
      tableName: 'orders',
      deletionProtection: false,
      pointInTimeRecovery: false,
      partitionKey: 'id',
    });
    const table = onlyResource(synth(stack), 'aws_dynamodb_table');
    expect(table).toMatchObject({
      deletion_protection_enabled: false,
      point_in_time_recovery: { enabled: false },
      hash_key: 'id',
    });
  });

  it('keeps a stable Terraform address derived from its id', () => {
    const stack = newStack();
    new OrdersTable(stack, 'OrdersTable', { tableName: 'orders' });
    expect(Object.keys(resources(synth(stack), 'aws_dynamodb_table'))).toEqual(['orders_table']);
  });

  it('grants reads as GetItem on this table only', () => {
    const stack = newStack();
    const table = new OrdersTable(stack, 'OrdersTable', { tableName: 'orders' });
    const granted: PolicyStatement[] = [];
    table.grantReadOrders({ addToPrincipalPolicy: (statement) => granted.push(statement) });
    expect(granted).toEqual([
      expect.objectContaining({ Action: ['dynamodb:GetItem'], Resource: [table.tableArn] }),
    ]);
  });

  it('grants updates as UpdateItem on this table only', () => {
    const stack = newStack();
    const table = new OrdersTable(stack, 'OrdersTable', { tableName: 'orders' });
    const granted: PolicyStatement[] = [];
    table.grantUpdateOrders({ addToPrincipalPolicy: (statement) => granted.push(statement) });
    expect(granted).toEqual([
      expect.objectContaining({ Action: ['dynamodb:UpdateItem'], Resource: [table.tableArn] }),
    ]);
  });

  it('rejects an invalid table name', () => {
    expect(() => new OrdersTable(newStack(), 'OrdersTable', { tableName: 'my orders' })).toThrow(
      ConstructPropsError,
    );
  });

  it('rejects an empty partition key', () => {
    expect(
      () => new OrdersTable(newStack(), 'OrdersTable', { tableName: 'orders', partitionKey: '' }),
    ).toThrow(/partition key needs 1-255 characters/);
  });
});
