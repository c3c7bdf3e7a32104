import { createHash } from 'node:crypto';
import { BedrockGuardrail } from '@cdktf/provider-aws/lib/bedrock-guardrail';
import { BedrockGuardrailVersion } from '@cdktf/provider-aws/lib/bedrock-guardrail-version';
import { Construct } from 'constructs';
import { DENIED_TOPIC_NAME_PATTERN, isWithin, LIMITS } from '../config/rules';
import type { IGrantable } from '../iam';
import {
  CONTENT_FILTERS,
  type DeniedTopic,
  deniedTopicDefinitionProblem,
  ORDER_SUPPORT_DENIED_TOPICS,
  PII_ACTIONS,
} from './guardrail-policy';
import { stableLogicalId } from './logical-id';
import { checkName, checkProp } from './prop-checks';

export interface OrderGuardrailProps {
  /** Guardrail name (1-50 characters: letters, digits, `-_`). */
  readonly guardrailName: string;
  /**
   * Topics the agent must refuse, each defined positively (what it is), with no examples or instructions in
   * its definition (AWS's guidance; a definition that breaks it is refused).
   * @default ORDER_SUPPORT_DENIED_TOPICS (financial, legal and medical advice, politics, religion, programming,
   * creative writing, homework and trivia)
   */
  readonly deniedTopics?: readonly DeniedTopic[];
  /**
   * What the user sees when the guardrail blocks their message.
   * @default a sentence pointing back to order support
   */
  readonly blockedInputMessage?: string;
  /**
   * What the user sees when the guardrail blocks the agent's answer.
   * @default a sentence pointing back to order support
   */
  readonly blockedOutputMessage?: string;
}

const GUARDRAIL_NAME = /^[\w-]{1,50}$/;
const DEFAULT_BLOCKED_MESSAGE =
  'Sorry, I can only help with your orders: their status, returns and shipping addresses.';

/**
 * The agent's guardrail (content filters, denied topics, personal data handling) and a published version of
 * it. The version's description carries a fingerprint of the configuration, so any change publishes a new
 * version, which updates the agent, which moves the alias to a new agent version.
 */
export class OrderGuardrail extends Construct {
  public readonly guardrail: BedrockGuardrail;
  public readonly version: BedrockGuardrailVersion;
  public readonly guardrailId: string;
  public readonly guardrailArn: string;
  /** The published version number the agent uses. */
  public readonly versionNumber: string;

  public constructor(scope: Construct, id: string, props: OrderGuardrailProps) {
    super(scope, id);
    const deniedTopics = props.deniedTopics ?? ORDER_SUPPORT_DENIED_TOPICS;
    validate(this.node.path, props.guardrailName, deniedTopics);

    const configuration = {
      blockedInputMessaging: props.blockedInputMessage ?? DEFAULT_BLOCKED_MESSAGE,
      blockedOutputsMessaging: props.blockedOutputMessage ?? DEFAULT_BLOCKED_MESSAGE,
      contentPolicyConfig: [{ filtersConfig: CONTENT_FILTERS.map((filter) => ({ ...filter })) }],
      topicPolicyConfig: [
        {
          topicsConfig: deniedTopics.map((topic) => ({
            name: topic.name,
            definition: topic.definition,
            examples: [...topic.examples],
            type: 'DENY',
          })),
        },
      ],
      sensitiveInformationPolicyConfig: [
        { piiEntitiesConfig: Object.entries(PII_ACTIONS).map(([type, action]) => ({ type, action })) },
      ],
    };
    this.guardrail = new BedrockGuardrail(this, 'guardrail', {
      name: props.guardrailName,
      description: 'Keeps the order-support agent on topic and away from payment data',
      ...configuration,
    });
    this.guardrail.overrideLogicalId(stableLogicalId(id, 'guardrail'));

    const fingerprint = createHash('sha256').update(JSON.stringify(configuration)).digest('hex').slice(0, 16);
    this.version = new BedrockGuardrailVersion(this, 'version', {
      guardrailArn: this.guardrail.guardrailArn,
      description: `Published by Terraform; configuration ${fingerprint}`,
      // Agent versions cut earlier keep pointing at older guardrail versions: do not delete those on replace.
      skipDestroy: true,
    });
    this.guardrailId = this.guardrail.guardrailId;
    this.guardrailArn = this.guardrail.guardrailArn;
    this.versionNumber = this.version.version;
  }

  /** Apply this guardrail (and only this one) to model input and output. */
  public grantApply(grantee: IGrantable): void {
    grantee.addToPrincipalPolicy({
      Sid: 'ApplyGuardrail',
      Effect: 'Allow',
      Action: ['bedrock:ApplyGuardrail'],
      Resource: [this.guardrailArn],
    });
  }
}

function validate(path: string, name: string, topics: readonly DeniedTopic[]): void {
  const {
    guardrailDeniedTopics,
    deniedTopicDefinitionCharacters,
    deniedTopicExamples,
    deniedTopicExampleCharacters,
  } = LIMITS;
  checkName(path, 'guardrail name', name, GUARDRAIL_NAME);
  checkProp(
    path,
    topics,
    (list) => isWithin(list.length, guardrailDeniedTopics),
    `a guardrail takes at most ${guardrailDeniedTopics.max} denied topics`,
  );
  for (const topic of topics) {
    checkName(path, 'topic name', topic.name, DENIED_TOPIC_NAME_PATTERN);
    const { min, max } = deniedTopicDefinitionCharacters;
    checkProp(
      path,
      topic.definition,
      (definition) => isWithin(definition.length, deniedTopicDefinitionCharacters),
      `topic ${topic.name} needs a definition of ${min}-${max} characters`,
    );
    checkProp(
      path,
      topic.definition,
      (definition) => deniedTopicDefinitionProblem(definition) === undefined,
      `the definition of topic ${topic.name} ${deniedTopicDefinitionProblem(topic.definition)}`,
    );
    checkProp(
      path,
      topic.examples,
      (examples) =>
        isWithin(examples.length, deniedTopicExamples) &&
        examples.every((example) => isWithin(example.length, deniedTopicExampleCharacters)),
      `topic ${topic.name} takes at most ${deniedTopicExamples.max} examples of ${deniedTopicExampleCharacters.max} characters`,
    );
  }
}
