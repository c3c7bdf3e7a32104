import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Construct } from 'constructs';
import type { IGrantable } from '../iam';
import { stableLogicalId } from './logical-id';
import { checkName, checkProp } from './prop-checks';

export interface OrdersTableProps {
  /** DynamoDB table name (3-255 characters: letters, digits, `_.-`). */
  readonly tableName: string;
  /**
   * Refuse DeleteTable until this is turned off (production keeps it on).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Continuous backups with point-in-time recovery.
   * @default true
   */
  readonly pointInTimeRecovery?: boolean;
  /**
   * The string partition key the order-actions Lambda reads and writes by.
   * @default 'orderId'
   */
  readonly partitionKey?: string;
}

const TABLE_NAME = /^[\w.-]{3,255}$/;
const ATTRIBUTE_NAME = /^.{1,255}$/;

/** The orders table: on demand, one string partition key, point-in-time recovery, deletion protection. */
export class OrdersTable extends Construct {
  public readonly table: DynamodbTable;
  public readonly tableName: string;
  public readonly tableArn: string;

  public constructor(scope: Construct, id: string, props: OrdersTableProps) {
    super(scope, id);
    checkName(this.node.path, 'table name', props.tableName, TABLE_NAME);
    checkProp(
      this.node.path,
      props.partitionKey,
      (key) => key === undefined || ATTRIBUTE_NAME.test(key),
      'the partition key needs 1-255 characters',
    );
    const partitionKey = props.partitionKey ?? 'orderId';

    this.table = new DynamodbTable(this, 'table', {
      name: props.tableName,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: partitionKey,
      attribute: [{ name: partitionKey, type: 'S' }],
      pointInTimeRecovery: { enabled: props.pointInTimeRecovery ?? true },
      deletionProtectionEnabled: props.deletionProtection ?? true,
    });
    // A stable address: a refactor of the construct tree must not plan a new (empty) table.
    this.table.overrideLogicalId(stableLogicalId(id, 'table'));
    this.tableName = this.table.name;
    this.tableArn = this.table.arn;
  }

  /** Read one order by its key (the getOrderStatus operation and the checks before a change). */
  public grantReadOrders(grantee: IGrantable): void {
    grantee.addToPrincipalPolicy({
      Sid: 'ReadOrders',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem'],
      Resource: [this.tableArn],
    });
  }

  /** Change one order in place with a condition (returns, shipping address changes). */
  public grantUpdateOrders(grantee: IGrantable): void {
    grantee.addToPrincipalPolicy({
      Sid: 'UpdateOrders',
      Effect: 'Allow',
      Action: ['dynamodb:UpdateItem'],
      Resource: [this.tableArn],
    });
  }
}
