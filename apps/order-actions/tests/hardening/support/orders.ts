import { PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { Order } from '../../../src/domain';
import { marshallItem } from '../../../src/store';
import { rememberOwner } from '../../integration/support/bedrock-events';
import type { TestOrdersTable } from '../../integration/support/orders-table';

let next = 0;

/** Stores a copy of a seeded order (same owner) under a new id, so each test starts from a known state. */
export async function copyOrder(table: TestOrdersTable, templateId: string): Promise<Order> {
  const template = table.orders.find((order) => order.orderId === templateId);
  if (!template) throw new Error(`no seeded order ${templateId}`);
  next += 1;
  const order: Order = { ...template, orderId: `ORD-${templateId.slice(4)}${String(next).padStart(4, '0')}` };
  await table.client.send(
    new PutItemCommand({ TableName: table.tableName, Item: marshallItem({ ...order }) }),
  );
  rememberOwner(order);
  return order;
}

/** The warehouse marks an order shipped (copying the address it ships to), writing to the table directly. */
export function markShipped(table: Pick<TestOrdersTable, 'client' | 'tableName'>, orderId: string) {
  return table.client.send(
    new UpdateItemCommand({
      TableName: table.tableName,
      Key: { orderId: { S: orderId } },
      UpdateExpression: 'SET #status = :shipped, shippedTo = shippingAddress',
      ConditionExpression: '#status = :placed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':shipped': { S: 'SHIPPED' }, ':placed': { S: 'PLACED' } },
    }),
  );
}

/** The carrier marks a shipped order delivered now. */
export function markDelivered(table: Pick<TestOrdersTable, 'client' | 'tableName'>, orderId: string) {
  return table.client.send(
    new UpdateItemCommand({
      TableName: table.tableName,
      Key: { orderId: { S: orderId } },
      UpdateExpression: 'SET #status = :delivered, deliveredAt = :now REMOVE estimatedDelivery',
      ConditionExpression: '#status = :shipped',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':delivered': { S: 'DELIVERED' },
        ':shipped': { S: 'SHIPPED' },
        ':now': { S: new Date().toISOString() },
      },
    }),
  );
}
