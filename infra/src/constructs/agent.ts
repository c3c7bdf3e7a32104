import { createHash } from 'node:crypto';
import { BedrockagentAgent } from '@cdktf/provider-aws/lib/bedrockagent-agent';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { isIntegerBetween, MODEL_ID_PATTERN, parseModelId } from '../config/rules';
import { ConstructPropsError } from '../errors';
import { partitionOf, servicePrincipal } from '../iam';
import type { OrderGuardrail } from './guardrail';
import { stableLogicalId } from './logical-id';
import { ServiceRole } from './service-role';

export interface OrderAgentProps {
  /** Agent name (1-100 characters: letters, digits, `-_`); also names its service role. */
  readonly agentName: string;
  /** Account and region of the agent (they scope the role's trust and the model ARNs). */
  readonly accountId: string;
  readonly region: string;
  /** Foundation model id, or a system inference profile id (`us.`, `eu.`, ... prefix). */
  readonly modelId: string;
  /** The agent's instruction (40-4000 characters), read from the reviewed text file by the stack. */
  readonly instruction: string;
  /** The guardrail the agent applies to every turn. */
  readonly guardrail: OrderGuardrail;
  /**
   * Seconds a session stays open without a message (60-3600).
   * @default 600
   */
  readonly idleSessionTtlSeconds?: number;
  /**
   * Shown in the Bedrock console.
   * @default 'Order-support agent: order status, returns and shipping address changes'
   */
  readonly description?: string;
}

const AGENT_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;

/**
 * The Bedrock agent, its service role (trusted by Bedrock for this account's agents only) and the role's
 * permissions: invoke the one configured model and apply the one guardrail.
 *
 * Every resource that prepares the agent (the agent itself, then each action group) is chained through
 * `lastPrepareStep` / `addPrepareStep()`, so two prepares never overlap (terraform-provider-aws #42845).
 */
export class OrderAgent extends Construct {
  public readonly agent: BedrockagentAgent;
  public readonly role: ServiceRole;
  public readonly agentId: string;
  public readonly agentArn: string;
  /**
   * Changes whenever an update would prepare the agent: a hash of its settings known at synth, followed by the
   * guardrail version it applies (known after apply, and new when the guardrail is re-published). Unlike the
   * agent's `prepared_at`, which later prepares by the action groups and the knowledge base association move on
   * after the agent resource recorded it, this stays the same on the plan after an apply.
   */
  public readonly fingerprint: string;
  private lastPrepare: ITerraformDependable;

  public constructor(scope: Construct, id: string, props: OrderAgentProps) {
    super(scope, id);
    validate(this.node.path, props);
    const partition = partitionOf(props.region);

    this.role = new ServiceRole(this, 'service-role', {
      roleName: `${props.agentName}-agent`.slice(0, 64),
      description: `Service role of the ${props.agentName} Bedrock agent`,
      servicePrincipal: servicePrincipal('bedrock'),
      accountId: props.accountId,
      sourceArn: `arn:${partition}:bedrock:${props.region}:${props.accountId}:agent/*`,
    });
    this.grantInvokeModel(props, partition);
    props.guardrail.grantApply(this.role);

    const settings = {
      agentName: props.agentName,
      description:
        props.description ?? 'Order-support agent: order status, returns and shipping address changes',
      foundationModel: props.modelId,
      instruction: props.instruction.trim(),
      idleSessionTtlInSeconds: props.idleSessionTtlSeconds ?? 600,
    };
    this.agent = new BedrockagentAgent(this, 'agent', {
      ...settings,
      agentResourceRoleArn: this.role.roleArn,
      guardrailConfiguration: [
        { guardrailIdentifier: props.guardrail.guardrailId, guardrailVersion: props.guardrail.versionNumber },
      ],
      prepareAgent: true,
      // Without the attached policy the first create fails while IAM propagates (terraform-provider-aws #42847).
      dependsOn: [this.role.policy],
    });
    this.agent.overrideLogicalId(stableLogicalId(id, 'agent'));
    this.agentId = this.agent.agentId;
    this.agentArn = this.agent.agentArn;
    const settingsHash = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
    this.fingerprint = `${settingsHash}, guardrail version ${props.guardrail.versionNumber}`;
    this.lastPrepare = this.agent;
  }

  /**
   * The resource whose apply finishes the latest prepare. A new preparing resource depends on it and then
   * registers itself with addPrepareStep(); an alias depends on it to see every change.
   */
  public get lastPrepareStep(): ITerraformDependable {
    return this.lastPrepare;
  }

  /** Records a resource that prepares the agent (an action group) as the latest prepare step. */
  public addPrepareStep(step: ITerraformDependable): void {
    this.lastPrepare = step;
  }

  /**
   * InvokeModel on the configured model only (and, for an inference profile, the models it routes to), and its
   * streaming variant: `order-agent invoke` turns on final-response streaming, which the agent serves with
   * InvokeModelWithResponseStream.
   */
  private grantInvokeModel(props: OrderAgentProps, partition: string): void {
    const { inferenceProfileId, foundationModelId } = parseModelId(props.modelId);
    const resources =
      inferenceProfileId === undefined
        ? [`arn:${partition}:bedrock:${props.region}::foundation-model/${foundationModelId}`]
        : [
            `arn:${partition}:bedrock:${props.region}:${props.accountId}:inference-profile/${inferenceProfileId}`,
            // A cross-region profile sends each request to one of its regions' copies of the model.
            `arn:${partition}:bedrock:*::foundation-model/${foundationModelId}`,
          ];
    this.role.addToPrincipalPolicy({
      Sid: 'InvokeConfiguredModel',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: resources,
    });
    if (inferenceProfileId !== undefined) {
      this.role.addToPrincipalPolicy({
        Sid: 'ReadInferenceProfile',
        Effect: 'Allow',
        Action: ['bedrock:GetInferenceProfile'],
        Resource: [resources[0]!],
      });
    }
  }
}

function validate(path: string, props: OrderAgentProps): void {
  if (!AGENT_NAME.test(props.agentName)) {
    throw new ConstructPropsError(`${path}: agent name ${JSON.stringify(props.agentName)} is not valid`);
  }
  if (!MODEL_ID_PATTERN.test(props.modelId)) {
    throw new ConstructPropsError(`${path}: ${JSON.stringify(props.modelId)} is not a Bedrock model id`);
  }
  const length = props.instruction.trim().length;
  if (length < 40 || length > 4000) {
    throw new ConstructPropsError(`${path}: the instruction needs 40-4000 characters (it has ${length})`);
  }
  if (props.idleSessionTtlSeconds !== undefined && !isIntegerBetween(props.idleSessionTtlSeconds, 60, 3600)) {
    throw new ConstructPropsError(`${path}: the idle session TTL must be an integer from 60 to 3600 seconds`);
  }
}
