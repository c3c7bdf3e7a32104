import { type DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshallItem } from '../../../src/store';

/** Every item of the table, unmarshalled and sorted by orderId: compare two of these to see any change. */
export async function scanTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, never> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    for (const item of page.Items ?? []) items.push(unmarshallItem(item));
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  return items.sort((a, b) => String(a.orderId).localeCompare(String(b.orderId)));
}

/** One order as stored, read consistently. */
export async function storedOrder(
  client: DynamoDBClient,
  tableName: string,
  orderId: string,
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: { orderId: { S: orderId } }, ConsistentRead: true }),
  );
  return Item && unmarshallItem(Item);
}
