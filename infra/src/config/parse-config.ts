import { ConfigError } from '../errors';
import { checkStateRoleAccounts, GITHUB_FIELDS, readAccess } from './access-config';
import { ConfigReader, type FieldReaders, field, type Json } from './config-reader';
import {
  ACCOUNT_ID_PATTERN,
  BEDROCK_NAME_PATTERN,
  BUCKET_NAME_PATTERN,
  CHAT_CONFIGURATION_ARN_PATTERN,
  EMAIL_PATTERN,
  embeddingDimensionsProblem,
  KNOWLEDGE_BASE_DEFAULTS,
  LIMITS,
  MODEL_ID_PATTERN,
  MODEL_INVOCATION_LOGGING_DEFAULTS,
  NAME_PATTERN,
  parseModelId,
  REGION_PATTERN,
  SNS_TOPIC_ARN_PATTERN,
  TAG_VALUE_PATTERN,
} from './rules';
import type {
  AlarmConfig,
  EnvironmentConfig,
  InfraConfig,
  KnowledgeBaseConfig,
  ModelInvocationLoggingConfig,
  StateConfig,
} from './types';

// One table per section of the file: a key is allowed exactly when its table has a reader for it, and the
// tables are typed against types.ts, so adding a configuration key is its type plus one line here.

/** Where a stack goes and who owns it: the keys every stack's section has. */
const PLACEMENT_FIELDS = {
  accountId: field.string(ACCOUNT_ID_PATTERN, '12 digits'),
  region: field.string(REGION_PATTERN, 'an AWS region such as eu-west-1'),
  owner: field.string(TAG_VALUE_PATTERN, 'a tag value (letters, digits, spaces, _.:/=+-@)'),
};

const STATE_FIELDS: FieldReaders<StateConfig> = {
  ...PLACEMENT_FIELDS,
  bucketName: field.string(BUCKET_NAME_PATTERN, 'a valid S3 bucket name'),
  noncurrentVersionExpirationDays: field.integer(LIMITS.noncurrentVersionExpirationDays),
  bootstrapBackend: field.oneOf(['local', 's3'] as const),
};

const ALARM_FIELDS: FieldReaders<AlarmConfig> = {
  lambdaErrorsThreshold: field.integer(LIMITS.alarmThreshold),
  lambdaThrottlesThreshold: field.integer(LIMITS.alarmThreshold),
  agentInvocationErrorsThreshold: field.integer(LIMITS.alarmThreshold),
  periodSeconds: (reader, doc, path, key) => {
    const seconds = reader.integer(doc, path, key, LIMITS.alarmPeriodSeconds);
    if (seconds === undefined || seconds % 60 === 0) return seconds;
    reader.problem(`${path}.${key}`, 'must be a multiple of 60');
    return undefined;
  },
  evaluationPeriods: field.integer(LIMITS.alarmEvaluationPeriods),
  emails: field.list(EMAIL_PATTERN, 'e-mail addresses'),
  snsTopicArns: field.list(SNS_TOPIC_ARN_PATTERN, 'SNS topic ARNs (arn:aws:sns:<region>:<account>:<name>)'),
  chatConfigurationArns: field.list(
    CHAT_CONFIGURATION_ARN_PATTERN,
    'chat configuration ARNs (arn:aws:chatbot::<account>:chat-configuration/...)',
  ),
};

/** Where the alarms go: a list of these must not be empty where deletionProtection is on. */
const ALARM_SUBSCRIBER_KEYS = ['emails', 'snsTopicArns', 'chatConfigurationArns'] as const;

const MODEL_INVOCATION_LOGGING_FIELDS: FieldReaders<ModelInvocationLoggingConfig> = {
  enabled: field.boolean(),
  retentionDays: field.retentionDays(),
};

/** `knowledgeBase.chunking` as the file writes it. */
interface ChunkingSection {
  readonly maxTokens: number;
  readonly overlapPercentage: number;
}

/** `knowledgeBase` as the file writes it; every key is optional (KNOWLEDGE_BASE_DEFAULTS). */
interface KnowledgeBaseSection {
  readonly embeddingModelId: string;
  readonly embeddingDimensions: number;
  readonly chunking: Partial<ChunkingSection>;
  readonly standbyReplicas: KnowledgeBaseConfig['standbyReplicas'];
}

const CHUNKING_FIELDS: FieldReaders<ChunkingSection> = {
  maxTokens: field.integer(LIMITS.chunkMaxTokens),
  overlapPercentage: field.integer(LIMITS.chunkOverlapPercentage),
};

const KNOWLEDGE_BASE_FIELDS: FieldReaders<KnowledgeBaseSection> = {
  embeddingModelId: (reader, doc, path, key) => {
    const modelId = reader.string(doc, path, key, MODEL_ID_PATTERN, 'a Bedrock embedding model id');
    if (modelId === undefined || parseModelId(modelId).inferenceProfileId === undefined) return modelId;
    reader.problem(`${path}.${key}`, 'an embedding model is a foundation model, not an inference profile');
    return undefined;
  },
  embeddingDimensions: field.integer(LIMITS.vectorDimensions),
  chunking: field.section((reader, doc, path) => reader.presentFields(doc, path, CHUNKING_FIELDS)),
  standbyReplicas: field.oneOf(['ENABLED', 'DISABLED'] as const),
};

const ENVIRONMENT_FIELDS: FieldReaders<Omit<EnvironmentConfig, 'name'>> = {
  ...PLACEMENT_FIELDS,
  modelId: field.string(MODEL_ID_PATTERN, 'a Bedrock model or inference profile id'),
  idleSessionTtlSeconds: field.integer(LIMITS.agentIdleSessionTtlSeconds),
  lambdaMemoryMb: field.integer(LIMITS.lambdaMemoryMb),
  lambdaTimeoutSeconds: field.integer(LIMITS.lambdaTimeoutSeconds),
  logRetentionDays: field.retentionDays(),
  deletionProtection: field.boolean(),
  alarms: field.section((reader, doc, path) => reader.fields(doc, path, ALARM_FIELDS)),
  knowledgeBase: (reader, doc, path, key) =>
    doc[key] === undefined
      ? KNOWLEDGE_BASE_DEFAULTS
      : field.section(readKnowledgeBase)(reader, doc, path, key),
  modelInvocationLogging: (reader, doc, path, key) =>
    doc[key] === undefined
      ? MODEL_INVOCATION_LOGGING_DEFAULTS
      : field.section((sectionReader, section, sectionPath) => {
          const values = sectionReader.presentFields(section, sectionPath, MODEL_INVOCATION_LOGGING_FIELDS);
          return values && { ...MODEL_INVOCATION_LOGGING_DEFAULTS, ...values };
        })(reader, doc, path, key),
  access: readAccess,
};

const ROOT_FIELDS: FieldReaders<InfraConfig> = {
  project: (reader, doc, path, key) => {
    const project = reader.string(doc, path, key, NAME_PATTERN, 'lower-case letters, digits and hyphens');
    return project === undefined || namesBedrockResources(reader, `${path}.${key}`, project)
      ? project
      : undefined;
  },
  state: field.section((reader, doc, path) => reader.fields(doc, path, STATE_FIELDS)),
  github: field.section((reader, doc, path) => reader.fields(doc, path, GITHUB_FIELDS)),
  environments: field.section(readEnvironments),
};

/**
 * Checks a parsed configuration document and returns it typed. Every problem is collected (with its JSON path)
 * and reported at once in one ConfigError, so a reviewer fixes the file in one pass. Unknown keys are problems
 * too: a misspelt key would otherwise fall back silently.
 */
export function parseInfraConfig(document: unknown, source = 'configuration'): InfraConfig {
  const reader = new ConfigReader();
  const root = reader.object(document, '$');
  const config = root && reader.fields(root, '$', ROOT_FIELDS, { ignoredKeys: ['$comment'] });
  if (config !== undefined) checkStateRoleAccounts(reader, config);
  if (config === undefined || reader.problems.length > 0) throw new ConfigError(source, reader.problems);
  return config;
}

/** `environments`: one section per environment, by name, in file order. */
function readEnvironments(reader: ConfigReader, doc: Json, path: string): EnvironmentConfig[] {
  if (Object.keys(doc).length === 0) reader.problem(path, 'at least one environment is needed');
  return Object.entries(doc).flatMap(([name, value]) => {
    const environmentPath = `${path}.${name}`;
    if (!NAME_PATTERN.test(name)) {
      reader.problem(environmentPath, 'environment names are 2-16 lower-case letters, digits or hyphens');
    } else {
      namesBedrockResources(reader, environmentPath, name);
    }
    const section = reader.object(value, environmentPath);
    const fields = section && reader.fields(section, environmentPath, ENVIRONMENT_FIELDS);
    if (fields !== undefined) checkAlarmSubscribers(reader, `${environmentPath}.alarms`, fields);
    return fields === undefined ? [] : [{ name, ...fields }];
  });
}

/**
 * Alarms must reach someone where it matters: an environment with deletionProtection (prod) needs at least one
 * subscriber. Existing topics must be in the environment's region: CloudWatch alarm actions cannot cross regions.
 */
function checkAlarmSubscribers(
  reader: ConfigReader,
  path: string,
  environment: Omit<EnvironmentConfig, 'name'>,
): void {
  const { alarms, region } = environment;
  if (environment.deletionProtection && ALARM_SUBSCRIBER_KEYS.every((key) => alarms[key].length === 0)) {
    reader.problem(
      path,
      `no subscriber: set ${ALARM_SUBSCRIBER_KEYS.join(', ')} (at least one), an environment with deletionProtection must alert someone`,
    );
  }
  for (const arn of alarms.snsTopicArns) {
    const topicRegion = SNS_TOPIC_ARN_PATTERN.exec(arn)?.[1];
    if (topicRegion !== region) {
      reader.problem(
        `${path}.snsTopicArns`,
        `${arn} is in ${topicRegion}; alarm actions must be in the environment's region (${region})`,
      );
    }
  }
}

/**
 * Project and environment names make the `<project>-<environment>` prefix of the agent's, alias's and knowledge
 * base's names, which the constructs check with the same pattern: a problem here, with its path, not at synth.
 */
function namesBedrockResources(reader: ConfigReader, path: string, name: string): boolean {
  if (BEDROCK_NAME_PATTERN.test(name)) return true;
  reader.problem(
    path,
    `${JSON.stringify(name)} prefixes Bedrock resource names, which take no two hyphens in a row`,
  );
  return false;
}

/** `knowledgeBase`: each key that is set, over KNOWLEDGE_BASE_DEFAULTS, with the embedding dimensions checked. */
function readKnowledgeBase(reader: ConfigReader, doc: Json, path: string): KnowledgeBaseConfig | undefined {
  const { values, complete } = reader.eachField(doc, path, KNOWLEDGE_BASE_FIELDS, { onlyPresent: true });
  const defaults = KNOWLEDGE_BASE_DEFAULTS;
  const modelId = doc.embeddingModelId === undefined ? defaults.embeddingModelId : values.embeddingModelId;
  const dimensions =
    doc.embeddingDimensions === undefined ? defaults.embeddingDimensions : values.embeddingDimensions;
  const dimensionsProblem =
    modelId === undefined || dimensions === undefined
      ? undefined
      : embeddingDimensionsProblem(modelId, dimensions);
  if (dimensionsProblem !== undefined) reader.problem(`${path}.embeddingDimensions`, dimensionsProblem);
  if (!complete || dimensionsProblem !== undefined) return undefined;
  return {
    embeddingModelId: values.embeddingModelId ?? defaults.embeddingModelId,
    embeddingDimensions: values.embeddingDimensions ?? defaults.embeddingDimensions,
    chunkMaxTokens: values.chunking?.maxTokens ?? defaults.chunkMaxTokens,
    chunkOverlapPercentage: values.chunking?.overlapPercentage ?? defaults.chunkOverlapPercentage,
    standbyReplicas: values.standbyReplicas ?? defaults.standbyReplicas,
  };
}
