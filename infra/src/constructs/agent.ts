import { createHash } from 'node:crypto';
import { BedrockagentAgent } from '@cdktf/provider-aws/lib/bedrockagent-agent';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import {
  BEDROCK_NAME_PATTERN,
  isWithin,
  LIMITS,
  MODEL_ID_PATTERN,
  parseModelId,
  REGION_PATTERN,
} from '../config/rules';
import { servicePrincipal } from '../iam';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import type { OrderGuardrail } from './guardrail';
import { stableLogicalId } from './logical-id';
import { checkInteger, checkName, checkProp, isKnownAtSynth } from './prop-checks';
import { ServiceRole } from './service-role';

export interface OrderAgentProps {
  /** Agent name (1-100 characters: letters, digits, `-_`); also names its service role. */
  readonly agentName: string;
  /** Foundation model id, or a system inference profile id (`us.`, `eu.`, ... prefix). */
  readonly modelId: string;
  /**
   * The regions an inference-profile `modelId` routes to (infra/config/model-lifecycle.json): the role may call
   * the foundation model there, and only through the profile. Required when `modelId` is an inference profile.
   * @default none (a foundation model id is invoked in the agent's own region)
   */
  readonly inferenceProfileRegions?: readonly string[];
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
    this.grantInvokeModel(stack, props);
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
   * InvokeModel on the configured model only, and its streaming variant: `order-agent invoke` turns on
   * final-response streaming, which the agent serves with InvokeModelWithResponseStream. For an inference
   * profile: the profile, and the foundation model in each listed destination region only when the request
   * comes through that profile (bedrock:InferenceProfileArn), as AWS recommends.
   */
  private grantInvokeModel(stack: PolicyCheckedStack, props: OrderAgentProps): void {
    const { inferenceProfileId, foundationModelId } = parseModelId(props.modelId);
    const actions = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
    const modelArn = (region: string) =>
      stack.formatArn('bedrock', `foundation-model/${foundationModelId}`, { region, account: '' });
    if (inferenceProfileId === undefined) {
      this.role.addToPrincipalPolicy({
        Sid: 'InvokeConfiguredModel',
        Effect: 'Allow',
        Action: actions,
        Resource: [modelArn(stack.region)],
      });
      return;
    }
    const profileArn = stack.formatArn('bedrock', `inference-profile/${inferenceProfileId}`);
    this.role.addToPrincipalPolicy({
      Sid: 'InvokeConfiguredModel',
      Effect: 'Allow',
      Action: actions,
      Resource: [profileArn],
    });
    this.role.addToPrincipalPolicy({
      Sid: 'InvokeModelThroughProfile',
      Effect: 'Allow',
      Action: actions,
      Resource: (props.inferenceProfileRegions ?? []).map(modelArn),
      Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn } },
    });
    this.role.addToPrincipalPolicy({
      Sid: 'ReadInferenceProfile',
      Effect: 'Allow',
      Action: ['bedrock:GetInferenceProfile'],
      Resource: [profileArn],
    });
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
  const profile = isKnownAtSynth(props.modelId) ? parseModelId(props.modelId).inferenceProfileId : undefined;
  checkProp(
    path,
    props.inferenceProfileRegions ?? [],
    (regions) => profile === undefined || regions.length > 0,
    `${profile} is an inference profile: list the regions it routes to (inferenceProfileRegions)`,
  );
  checkProp(
    path,
    props.inferenceProfileRegions ?? [],
    (regions) => regions.every((region) => REGION_PATTERN.test(region)),
    'inferenceProfileRegions must be region names',
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
