import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import { assertBundleBuilt, lambdaBundleAsset } from '../assets';
import { isIntegerBetween, isLogRetentionDays } from '../config/rules';
import { ConstructPropsError } from '../errors';
import { servicePrincipal } from '../iam';
import { stableLogicalId } from './logical-id';
import type { OrdersTable } from './orders-table';
import { ServiceRole } from './service-role';

export interface OrderActionsFunctionProps {
  /** Lambda function name (1-64 characters: letters, digits, `-_`); also names its log group and role. */
  readonly functionName: string;
  /** Directory holding the esbuild bundle (`index.js`, optionally its source map); zipped as an asset. */
  readonly bundleDir: string;
  /** Account and region the function lives in (the account scopes its role's trust policy). */
  readonly accountId: string;
  readonly region: string;
  /** The table the function serves orders from; it is granted only the item actions it uses. */
  readonly table: OrdersTable;
  /** Days the function's log group keeps its logs (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /**
   * Memory in MB (128-10240).
   * @default 256
   */
  readonly memoryMb?: number;
  /**
   * Timeout in seconds (1-900).
   * @default 10
   */
  readonly timeoutSeconds?: number;
  /**
   * The bundle's exported handler.
   * @default 'index.handler'
   */
  readonly handler?: string;
}

export interface GrantInvokeToAgentOptions {
  /** ARN of the one agent allowed to invoke the function (source_arn). */
  readonly agentArn: string;
  /** The agent's account (source_account). */
  readonly accountId: string;
}

const FUNCTION_NAME = /^[\w-]{1,64}$/;

/**
 * The order-actions Lambda: the bundle as a hashed asset (a code change shows in the plan), Node.js 22 on
 * arm64, its own log group with a retention, and an execution role that may only write to that log group and
 * get/update items in the one orders table.
 */
export class OrderActionsFunction extends Construct {
  public readonly function: LambdaFunction;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly role: ServiceRole;
  public readonly functionName: string;
  public readonly functionArn: string;

  public constructor(scope: Construct, id: string, props: OrderActionsFunctionProps) {
    super(scope, id);
    validate(this.node.path, props);
    const memoryMb = props.memoryMb ?? 256;
    const timeoutSeconds = props.timeoutSeconds ?? 10;
    const handler = props.handler ?? 'index.handler';

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: props.logRetentionDays,
    });
    this.logGroup.overrideLogicalId(stableLogicalId(id, 'log_group'));

    this.role = new ServiceRole(this, 'execution-role', {
      roleName: `${props.functionName}-execution`,
      description: `Execution role of the ${props.functionName} Lambda`,
      servicePrincipal: servicePrincipal('lambda'),
      accountId: props.accountId,
      // No aws:SourceArn: Lambda does not reliably supply it when it assumes an execution role (iam/service-trust.ts).
    });
    this.grantWriteOwnLogs();
    props.table.grantReadOrders(this.role);
    props.table.grantUpdateOrders(this.role);

    const bundle = lambdaBundleAsset(this, 'bundle', props.bundleDir);
    this.function = new LambdaFunction(this, 'function', {
      functionName: props.functionName,
      description: 'Order API behind the Bedrock agent action group',
      role: this.role.roleArn,
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler,
      filename: bundle.path,
      sourceCodeHash: bundle.assetHash,
      memorySize: memoryMb,
      timeout: timeoutSeconds,
      environment: {
        variables: {
          ORDERS_TABLE: props.table.tableName,
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: 'order-actions',
        },
      },
      loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name },
      // The log group must exist before the first invocation (or Lambda would create one without retention)
      // and the permissions must be attached before the function can use them.
      dependsOn: [this.logGroup, this.role.policy],
    });
    this.functionName = this.function.functionName;
    this.functionArn = this.function.arn;
  }

  /** Lets exactly one Bedrock agent of one account invoke the function. */
  public grantInvokeToAgent(id: string, options: GrantInvokeToAgentOptions): LambdaPermission {
    return new LambdaPermission(this, id, {
      statementId: 'AllowBedrockAgentInvoke',
      action: 'lambda:InvokeFunction',
      functionName: this.functionName,
      principal: servicePrincipal('bedrock'),
      sourceArn: options.agentArn,
      sourceAccount: options.accountId,
    });
  }

  /** Log streams and events in the function's own log group only (the group itself is created here). */
  private grantWriteOwnLogs(): void {
    this.role.addToPrincipalPolicy({
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      // CreateLogStream is authorized on the group, PutLogEvents on its streams (`<group arn>:log-stream:...`).
      Resource: [this.logGroup.arn, `${this.logGroup.arn}:*`],
    });
  }
}

function validate(path: string, props: OrderActionsFunctionProps): void {
  assertBundleBuilt(props.bundleDir, 'order-actions');
  if (!FUNCTION_NAME.test(props.functionName)) {
    throw new ConstructPropsError(
      `${path}: function name ${JSON.stringify(props.functionName)} is not valid`,
    );
  }
  if (!isLogRetentionDays(props.logRetentionDays)) {
    throw new ConstructPropsError(
      `${path}: ${props.logRetentionDays} days is not a CloudWatch Logs retention`,
    );
  }
  if (props.memoryMb !== undefined && !isIntegerBetween(props.memoryMb, 128, 10240)) {
    throw new ConstructPropsError(`${path}: memory must be an integer from 128 to 10240 MB`);
  }
  if (props.timeoutSeconds !== undefined && !isIntegerBetween(props.timeoutSeconds, 1, 900)) {
    throw new ConstructPropsError(`${path}: timeout must be an integer from 1 to 900 seconds`);
  }
}
