import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { Fn, type ITerraformDependable, type TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { LIMITS } from '../../config/rules';
import { addNodeLambda, validateNodeLambdaProps } from '../node-lambda';
import { checkInteger } from '../prop-checks';
import type { ServiceRole } from '../service-role';

export interface ApplyTimeFunctionProps {
  /** Lambda function name (1-64 characters: letters, digits, `-_`); also names its log group and role. */
  readonly functionName: string;
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /** The zipped apps/kb-apply-steps bundle (one asset per stack, shared by its functions). */
  readonly bundle: TerraformAsset;
  /** The bundle's exported handler, e.g. `index.handler`. */
  readonly handler: string;
  /** Days the function's log group keeps its logs (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /** Timeout in seconds (1-900): above the time budget the function is given in its input. */
  readonly timeoutSeconds: number;
  /**
   * Memory in MB (128-10240): the functions send a few HTTPS requests.
   * @default 128
   */
  readonly memoryMb?: number;
}

export interface ApplyTimeInvocationOptions {
  /** The JSON object the function receives. */
  readonly input: Record<string, unknown>;
  /**
   * Values whose change invokes the function again on the next apply.
   * @default - none: it runs again only when its input changes
   */
  readonly triggers?: Readonly<Record<string, string>>;
  /**
   * Resources that must exist before it runs (beyond those its input references).
   * @default []
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * A small Lambda that Terraform runs during apply (`aws_lambda_invocation`): a handler of the kb-index bundle on
 * Node.js 22 and arm64, its own log group with a retention, and a role that may write to that group and do what
 * other constructs' grantX() methods give it (nothing else). Its log group's address is stable:
 * `<construct id>_log_group`.
 */
export class ApplyTimeFunction extends Construct {
  public readonly function: LambdaFunction;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly role: ServiceRole;
  public readonly functionName: string;

  public constructor(scope: Construct, id: string, props: ApplyTimeFunctionProps) {
    super(scope, id);
    validate(this.node.path, props);

    const lambda = addNodeLambda(this, {
      functionName: props.functionName,
      description: props.description,
      logRetentionDays: props.logRetentionDays,
      bundle: props.bundle,
      handler: props.handler,
      memoryMb: props.memoryMb ?? 128,
      timeoutSeconds: props.timeoutSeconds,
      logFormat: 'Text',
      roleName: `${props.functionName}-execution`.slice(0, 64),
    });
    this.function = lambda.function;
    this.logGroup = lambda.logGroup;
    this.role = lambda.role;
    this.functionName = this.function.functionName;
  }

  /** Runs the function during apply with `input`; a failure (an error thrown by the handler) fails the apply. */
  public invoke(id: string, options: ApplyTimeInvocationOptions): LambdaInvocation {
    return new LambdaInvocation(this, id, {
      functionName: this.functionName,
      input: Fn.jsonencode(options.input),
      ...(options.triggers === undefined ? {} : { triggers: { ...options.triggers } }),
      // Every grant lands in the one role policy: wait for it, not only for the function.
      dependsOn: [this.function, this.role.policy, ...(options.dependsOn ?? [])],
    });
  }
}

function validate(path: string, props: ApplyTimeFunctionProps): void {
  validateNodeLambdaProps(path, props);
  checkInteger(path, 'timeout', props.timeoutSeconds, LIMITS.lambdaTimeoutSeconds);
  checkInteger(path, 'memory', props.memoryMb, LIMITS.lambdaMemoryMb);
}
