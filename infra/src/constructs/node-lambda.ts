import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import type { TerraformAsset } from 'cdktf';
import type { Construct } from 'constructs';
import { isLogRetentionDays } from '../config/rules';
import { servicePrincipal } from '../iam';
import { stableLogicalId } from './logical-id';
import { checkName, checkProp } from './prop-checks';
import { ServiceRole } from './service-role';

export interface NodeLambdaProps {
  /** Lambda function name (1-64 characters: letters, digits, `-_`); names the log group and the role. */
  readonly functionName: string;
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /** Days the function's log group keeps its logs (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /** The zipped bundle (a hashed asset: a code change shows in the plan). */
  readonly bundle: TerraformAsset;
  /** The bundle's exported handler, e.g. `index.handler`. */
  readonly handler: string;
  /** Memory in MB (the caller has validated it). */
  readonly memoryMb: number;
  /** Timeout in seconds (the caller has validated it). */
  readonly timeoutSeconds: number;
  /** How the function's log lines are written: `JSON` (structured, e.g. Powertools) or `Text`. */
  readonly logFormat: 'JSON' | 'Text';
  /**
   * Environment variables besides `NODE_OPTIONS=--enable-source-maps`, which every function gets.
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * The execution role's name (1-64 characters).
   * @default `${functionName}-execution`
   */
  readonly roleName?: string;
}

/** A Node.js Lambda function with what it runs with: its own log group and its execution role. */
export interface NodeLambda {
  readonly function: LambdaFunction;
  readonly logGroup: CloudwatchLogGroup;
  readonly role: ServiceRole;
}

const FUNCTION_NAME = /^[\w-]{1,64}$/;

/** Throws a ConstructPropsError naming `path` for a function name or log retention Lambda would refuse. */
export function validateNodeLambdaProps(
  path: string,
  props: Pick<NodeLambdaProps, 'functionName' | 'logRetentionDays'>,
): void {
  checkName(path, 'function name', props.functionName, FUNCTION_NAME);
  checkProp(
    path,
    props.logRetentionDays,
    isLogRetentionDays,
    `${props.logRetentionDays} days is not a CloudWatch Logs retention`,
  );
}

/**
 * Adds to `scope` a Lambda function on Node.js 22 and arm64, its own log group (`/aws/lambda/<name>`, with a
 * retention) and its execution role, granted only to write to that group; other constructs' grantX() methods add
 * the rest to `role`.
 *
 * A function rather than a construct on purpose: the log group (id `log-group`, address
 * `stableLogicalId(<scope id>, 'log_group')`), the role (id `execution-role`) and the function (id `function`)
 * are created directly in `scope`, so their Terraform addresses stay those of the owning construct.
 */
export function addNodeLambda(scope: Construct, props: NodeLambdaProps): NodeLambda {
  const logGroup = new CloudwatchLogGroup(scope, 'log-group', {
    name: `/aws/lambda/${props.functionName}`,
    retentionInDays: props.logRetentionDays,
  });
  logGroup.overrideLogicalId(stableLogicalId(scope.node.id, 'log_group'));

  const role = new ServiceRole(scope, 'execution-role', {
    roleName: props.roleName ?? `${props.functionName}-execution`,
    description: `Execution role of the ${props.functionName} Lambda`,
    servicePrincipal: servicePrincipal('lambda'),
    // No aws:SourceArn: Lambda does not reliably supply it when it assumes an execution role (iam/service-trust.ts).
  });
  grantWriteOwnLogs(role, logGroup);

  const fn = new LambdaFunction(scope, 'function', {
    functionName: props.functionName,
    description: props.description,
    role: role.roleArn,
    runtime: 'nodejs22.x',
    architectures: ['arm64'],
    handler: props.handler,
    filename: props.bundle.path,
    sourceCodeHash: props.bundle.assetHash,
    memorySize: props.memoryMb,
    timeout: props.timeoutSeconds,
    environment: { variables: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' } },
    loggingConfig: { logFormat: props.logFormat, logGroup: logGroup.name },
    // The log group must exist before the first invocation (or Lambda would create one without retention)
    // and the permissions must be attached before the function can use them.
    dependsOn: [logGroup, role.policy],
  });
  return { function: fn, logGroup, role };
}

/** Log streams and events in the function's own log group only (the group itself is created here). */
function grantWriteOwnLogs(role: ServiceRole, logGroup: CloudwatchLogGroup): void {
  role.addToPrincipalPolicy({
    Sid: 'WriteOwnLogs',
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    // CreateLogStream is authorized on the group, PutLogEvents on its streams (`<group arn>:log-stream:...`).
    Resource: [logGroup.arn, `${logGroup.arn}:*`],
  });
}
