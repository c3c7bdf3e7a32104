import { createHash } from 'node:crypto';
import { BedrockagentAgent } from '@cdktf/provider-aws/lib/bedrockagent-agent';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { BEDROCK_NAME_PATTERN, isWithin, LIMITS, MODEL_ID_PATTERN, parseModelId } from '../config/rules';
import { servicePrincipal } from '../iam';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import type { OrderGuardrail } from './guardrail';
import { stableLogicalId } from './logical-id';
import { checkInteger, checkName, checkProp } from './prop-checks';
import { ServiceRole } from './service-role';

export interface OrderAgentProps {
  /** Agent name (1-100 characters: letters, digits, `-_`); also names its service role. */
  readonly agentName: string;
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

/**
 * The Bedrock agent, its service role (trusted by Bedrock for the stack's account's agents only) and the role's
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
    const stack = PolicyCheckedStack.of(this);

    this.role = new ServiceRole(this, 'service-role', {
      roleName: `${props.agentName}-agent`.slice(0, 64),
      description: `Service role of the ${props.agentName} Bedrock agent`,
      servicePrincipal: servicePrincipal('bedrock'),
      sourceArn: stack.formatArn('bedrock', 'agent/*'),
    });
    this.grantInvokeModel(stack, props.modelId);
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
  private grantInvokeModel(stack: PolicyCheckedStack, modelId: string): void {
    const { inferenceProfileId, foundationModelId } = parseModelId(modelId);
    const foundationModel = `foundation-model/${foundationModelId}`;
    const resources =
      inferenceProfileId === undefined
        ? [stack.formatArn('bedrock', foundationModel, { account: '' })]
        : [
            stack.formatArn('bedrock', `inference-profile/${inferenceProfileId}`),
            // A cross-region profile sends each request to one of its regions' copies of the model.
            stack.formatArn('bedrock', foundationModel, { region: '*', account: '' }),
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
  checkName(path, 'agent name', props.agentName, BEDROCK_NAME_PATTERN);
  checkProp(
    path,
    props.modelId,
    (id) => MODEL_ID_PATTERN.test(id),
    `${JSON.stringify(props.modelId)} is not a Bedrock model id`,
  );
  const length = props.instruction.trim().length;
  const { min, max } = LIMITS.agentInstructionCharacters;
  checkProp(
    path,
    props.instruction,
    () => isWithin(length, LIMITS.agentInstructionCharacters),
    `the instruction needs ${min}-${max} characters (it has ${length})`,
  );
  checkInteger(path, 'the idle session TTL', props.idleSessionTtlSeconds, LIMITS.agentIdleSessionTtlSeconds);
}
