import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import { assertBundleBuilt, lambdaBundleAsset } from '../assets';
import { LIMITS } from '../config/rules';
import { servicePrincipal } from '../iam';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import { addNodeLambda, validateNodeLambdaProps } from './node-lambda';
import type { OrdersTable } from './orders-table';
import { checkInteger } from './prop-checks';
import type { ServiceRole } from './service-role';

export interface OrderActionsFunctionProps {
  /** Lambda function name (1-64 characters: letters, digits, `-_`); also names its log group and role. */
  readonly functionName: string;
  /** Directory holding the esbuild bundle (`index.js`, optionally its source map); zipped as an asset. */
  readonly bundleDir: string;
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
  /** ARN of the one agent allowed to invoke the function (source_arn); source_account is the stack's account. */
  readonly agentArn: string;
}

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

    const lambda = addNodeLambda(this, {
      functionName: props.functionName,
      description: 'Order API behind the Bedrock agent action group',
      logRetentionDays: props.logRetentionDays,
      bundle: lambdaBundleAsset(this, 'bundle', props.bundleDir),
      handler,
      memoryMb,
      timeoutSeconds,
      logFormat: 'JSON',
      environment: { ORDERS_TABLE: props.table.tableName, POWERTOOLS_SERVICE_NAME: 'order-actions' },
    });
    this.function = lambda.function;
    this.logGroup = lambda.logGroup;
    this.role = lambda.role;
    props.table.grantReadOrders(this.role);
    props.table.grantUpdateOrders(this.role);
    this.functionName = this.function.functionName;
    this.functionArn = this.function.arn;
  }

  /** Lets exactly one Bedrock agent, of this stack's account, invoke the function. */
  public grantInvokeToAgent(id: string, options: GrantInvokeToAgentOptions): LambdaPermission {
    return new LambdaPermission(this, id, {
      statementId: 'AllowBedrockAgentInvoke',
      action: 'lambda:InvokeFunction',
      functionName: this.functionName,
      principal: servicePrincipal('bedrock'),
      sourceArn: options.agentArn,
      sourceAccount: PolicyCheckedStack.of(this).account,
    });
  }
}

function validate(path: string, props: OrderActionsFunctionProps): void {
  assertBundleBuilt(props.bundleDir, 'order-actions');
  validateNodeLambdaProps(path, props);
  checkInteger(path, 'memory', props.memoryMb, LIMITS.lambdaMemoryMb);
  checkInteger(path, 'timeout', props.timeoutSeconds, LIMITS.lambdaTimeoutSeconds);
}
