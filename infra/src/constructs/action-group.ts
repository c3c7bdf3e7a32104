import { createHash } from 'node:crypto';
import { BedrockagentAgentActionGroup } from '@cdktf/provider-aws/lib/bedrockagent-agent-action-group';
import type { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import { BEDROCK_NAME_PATTERN } from '../config/rules';
import { ConstructPropsError } from '../errors';
import type { OrderAgent } from './agent';
import type { OrderActionsFunction } from './order-actions-function';
import { checkName } from './prop-checks';

export interface OrderActionGroupProps {
  /** The agent the action group belongs to (its DRAFT version). */
  readonly agent: OrderAgent;
  /** The Lambda that serves the operations; it is granted to be invoked by this agent only. */
  readonly executor: OrderActionsFunction;
  /** The OpenAPI 3 schema as JSON text, inlined as the payload (minified). */
  readonly apiSchema: string;
  /**
   * Action group name (letters, digits, `-_`, at most 100 characters).
   * @default 'order-management'
   */
  readonly actionGroupName?: string;
  /**
   * What the action group is for (the model reads it).
   * @default 'Look up orders, start returns and change shipping addresses'
   */
  readonly description?: string;
}

/**
 * An OpenAPI action group whose schema is the repository's schema file, inlined, so a schema change shows in
 * the plan. The group waits for the agent's previous prepare step and for the Lambda permission, and becomes
 * the agent's last prepare step itself.
 */
export class OrderActionGroup extends Construct {
  public readonly actionGroup: BedrockagentAgentActionGroup;
  public readonly permission: LambdaPermission;
  public readonly actionGroupId: string;
  /** The minified schema exactly as sent to Bedrock. */
  public readonly schemaPayload: string;
  /** Changes whenever what the agent is prepared with changes; feeds the alias's version trigger. */
  public readonly fingerprint: string;

  public constructor(scope: Construct, id: string, props: OrderActionGroupProps) {
    super(scope, id);
    const actionGroupName = props.actionGroupName ?? 'order-management';
    const description = props.description ?? 'Look up orders, start returns and change shipping addresses';
    this.schemaPayload = minifiedSchema(this.node.path, props.apiSchema);
    checkName(this.node.path, 'action group name', actionGroupName, BEDROCK_NAME_PATTERN);

    this.permission = props.executor.grantInvokeToAgent(`${id}-invoke-permission`, {
      agentArn: props.agent.agentArn,
    });
    // Prepares must not overlap: wait for the agent's previous prepare step, then become the last one.
    const previousPrepare = props.agent.lastPrepareStep;
    this.actionGroup = new BedrockagentAgentActionGroup(this, 'action-group', {
      agentId: props.agent.agentId,
      agentVersion: 'DRAFT',
      actionGroupName,
      description,
      actionGroupState: 'ENABLED',
      actionGroupExecutor: [{ lambda: props.executor.functionArn }],
      apiSchema: [{ payload: this.schemaPayload }],
      prepareAgent: true,
      // Lets `destroy` remove an enabled group without a separate disable step.
      skipResourceInUseCheck: true,
      // The agent must be allowed to invoke the Lambda before the prepare validates the group.
      dependsOn: [previousPrepare, this.permission],
    });
    props.agent.addPrepareStep(this.actionGroup);
    this.actionGroupId = this.actionGroup.actionGroupId;
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([actionGroupName, description, this.schemaPayload]))
      .digest('hex')
      .slice(0, 16);
  }
}

/** The schema as compact JSON; a clear error when the text is not a JSON OpenAPI 3 document. */
function minifiedSchema(path: string, text: string): string {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new ConstructPropsError(`${path}: the API schema is not valid JSON (${(error as Error).message})`);
  }
  const version = (schema as { openapi?: unknown } | null)?.openapi;
  if (typeof version !== 'string' || !version.startsWith('3.')) {
    throw new ConstructPropsError(`${path}: the API schema must be an OpenAPI 3 document`);
  }
  return JSON.stringify(schema);
}
