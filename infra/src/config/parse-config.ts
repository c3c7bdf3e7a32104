import { ConfigError } from '../errors';
import {
  ACCOUNT_ID_PATTERN,
  BUCKET_NAME_PATTERN,
  EMAIL_PATTERN,
  embeddingDimensionsProblem,
  isIntegerBetween,
  isLogRetentionDays,
  KNOWLEDGE_BASE_DEFAULTS,
  MAX_VECTOR_DIMENSIONS,
  MODEL_ID_PATTERN,
  NAME_PATTERN,
  parseModelId,
  REGION_PATTERN,
  TAG_VALUE_PATTERN,
} from './rules';
import type { AlarmConfig, EnvironmentConfig, InfraConfig, KnowledgeBaseConfig, StateConfig } from './types';

type Json = Record<string, unknown>;

/**
 * Checks a parsed configuration document and returns it typed. Every problem is collected (with its JSON path)
 * and reported at once in one ConfigError, so a reviewer fixes the file in one pass. Unknown keys are problems
 * too: a misspelt key would otherwise fall back silently.
 */
export function parseInfraConfig(document: unknown, source = 'configuration'): InfraConfig {
  const problems: string[] = [];
  const reader = new Reader(problems);
  const root = reader.object(document, '$');
  if (root === undefined) throw new ConfigError(source, problems);
  reader.onlyKeys(root, '$', ['$comment', 'project', 'state', 'environments']);

  const project = reader.string(root, '$', 'project', NAME_PATTERN, 'lower-case letters, digits and hyphens');
  const state = readState(reader, root.state);
  const environmentsDoc = reader.object(root.environments, '$.environments');
  const environments: EnvironmentConfig[] = [];
  if (environmentsDoc !== undefined) {
    if (Object.keys(environmentsDoc).length === 0)
      problems.push('$.environments: at least one environment is needed');
    for (const [name, value] of Object.entries(environmentsDoc)) {
      const environment = readEnvironment(reader, name, value);
      if (environment !== undefined) environments.push(environment);
    }
  }
  if (problems.length > 0 || project === undefined || state === undefined)
    throw new ConfigError(source, problems);
  return { project, state, environments };
}

function readState(reader: Reader, value: unknown): StateConfig | undefined {
  const path = '$.state';
  const doc = reader.object(value, path);
  if (doc === undefined) return undefined;
  reader.onlyKeys(doc, path, [
    'accountId',
    'region',
    'owner',
    'bucketName',
    'noncurrentVersionExpirationDays',
    'bootstrapBackend',
  ]);
  const fields = {
    ...readPlacement(reader, doc, path),
    bucketName: reader.string(doc, path, 'bucketName', BUCKET_NAME_PATTERN, 'a valid S3 bucket name'),
    noncurrentVersionExpirationDays: reader.integer(doc, path, 'noncurrentVersionExpirationDays', 1, 3650),
    bootstrapBackend: reader.oneOf(doc, path, 'bootstrapBackend', ['local', 's3'] as const),
  };
  if (Object.values(fields).includes(undefined)) return undefined;
  return fields as { [K in keyof typeof fields]: NonNullable<(typeof fields)[K]> };
}

/** Where a stack goes and who owns it: the fields every stack's configuration has. */
function readPlacement(reader: Reader, doc: Record<string, unknown>, path: string) {
  return {
    accountId: reader.string(doc, path, 'accountId', ACCOUNT_ID_PATTERN, '12 digits'),
    region: reader.string(doc, path, 'region', REGION_PATTERN, 'an AWS region such as eu-west-1'),
    owner: reader.string(
      doc,
      path,
      'owner',
      TAG_VALUE_PATTERN,
      'a tag value (letters, digits, spaces, _.:/=+-@)',
    ),
  };
}

function readEnvironment(reader: Reader, name: string, value: unknown): EnvironmentConfig | undefined {
  const path = `$.environments.${name}`;
  if (!NAME_PATTERN.test(name))
    reader.problem(path, 'environment names are 2-16 lower-case letters, digits or hyphens');
  const doc = reader.object(value, path);
  if (doc === undefined) return undefined;
  reader.onlyKeys(doc, path, [
    'accountId',
    'region',
    'owner',
    'modelId',
    'idleSessionTtlSeconds',
    'lambdaMemoryMb',
    'lambdaTimeoutSeconds',
    'logRetentionDays',
    'deletionProtection',
    'alarms',
    'knowledgeBase',
  ]);
  const fields = {
    ...readPlacement(reader, doc, path),
    modelId: reader.string(doc, path, 'modelId', MODEL_ID_PATTERN, 'a Bedrock model or inference profile id'),
    idleSessionTtlSeconds: reader.integer(doc, path, 'idleSessionTtlSeconds', 60, 3600),
    lambdaMemoryMb: reader.integer(doc, path, 'lambdaMemoryMb', 128, 10240),
    lambdaTimeoutSeconds: reader.integer(doc, path, 'lambdaTimeoutSeconds', 1, 900),
    logRetentionDays: reader.retentionDays(doc, path, 'logRetentionDays'),
    deletionProtection: reader.boolean(doc, path, 'deletionProtection'),
    alarms: readAlarms(reader, `${path}.alarms`, doc.alarms),
    knowledgeBase: readKnowledgeBase(reader, `${path}.knowledgeBase`, doc.knowledgeBase),
  };
  if (Object.values(fields).includes(undefined)) return undefined;
  return { name, ...(fields as { [K in keyof typeof fields]: NonNullable<(typeof fields)[K]> }) };
}

function readAlarms(reader: Reader, path: string, value: unknown): AlarmConfig | undefined {
  const doc = reader.object(value, path);
  if (doc === undefined) return undefined;
  reader.onlyKeys(doc, path, [
    'lambdaErrorsThreshold',
    'lambdaThrottlesThreshold',
    'agentInvocationErrorsThreshold',
    'periodSeconds',
    'evaluationPeriods',
    'emails',
  ]);
  const periodSeconds = reader.integer(doc, path, 'periodSeconds', 60, 86400);
  if (periodSeconds !== undefined && periodSeconds % 60 !== 0) {
    reader.problem(`${path}.periodSeconds`, 'must be a multiple of 60');
  }
  const fields = {
    lambdaErrorsThreshold: reader.integer(doc, path, 'lambdaErrorsThreshold', 1, 1_000_000),
    lambdaThrottlesThreshold: reader.integer(doc, path, 'lambdaThrottlesThreshold', 1, 1_000_000),
    agentInvocationErrorsThreshold: reader.integer(doc, path, 'agentInvocationErrorsThreshold', 1, 1_000_000),
    periodSeconds,
    evaluationPeriods: reader.integer(doc, path, 'evaluationPeriods', 1, 100),
    emails: reader.emails(doc, path, 'emails'),
  };
  if (Object.values(fields).includes(undefined)) return undefined;
  return fields as { [K in keyof typeof fields]: NonNullable<(typeof fields)[K]> };
}

/** `knowledgeBase` (optional, as is each key): `{ embeddingModelId, embeddingDimensions, chunking, standbyReplicas }`. */
function readKnowledgeBase(reader: Reader, path: string, value: unknown): KnowledgeBaseConfig | undefined {
  if (value === undefined) return KNOWLEDGE_BASE_DEFAULTS;
  const doc = reader.object(value, path);
  if (doc === undefined) return undefined;
  reader.onlyKeys(doc, path, ['embeddingModelId', 'embeddingDimensions', 'chunking', 'standbyReplicas']);
  const defaults = KNOWLEDGE_BASE_DEFAULTS;
  const has = (key: string) => doc[key] !== undefined;

  const embeddingModelId = has('embeddingModelId')
    ? reader.string(doc, path, 'embeddingModelId', MODEL_ID_PATTERN, 'a Bedrock embedding model id')
    : defaults.embeddingModelId;
  if (embeddingModelId !== undefined && parseModelId(embeddingModelId).inferenceProfileId !== undefined) {
    reader.problem(
      `${path}.embeddingModelId`,
      'an embedding model is a foundation model, not an inference profile',
    );
  }
  const embeddingDimensions = has('embeddingDimensions')
    ? reader.integer(doc, path, 'embeddingDimensions', 1, MAX_VECTOR_DIMENSIONS)
    : defaults.embeddingDimensions;
  const dimensionsProblem =
    embeddingModelId === undefined || embeddingDimensions === undefined
      ? undefined
      : embeddingDimensionsProblem(embeddingModelId, embeddingDimensions);
  if (dimensionsProblem !== undefined) reader.problem(`${path}.embeddingDimensions`, dimensionsProblem);

  let chunkMaxTokens: number | undefined = defaults.chunkMaxTokens;
  let chunkOverlapPercentage: number | undefined = defaults.chunkOverlapPercentage;
  if (has('chunking')) {
    const chunking = reader.object(doc.chunking, `${path}.chunking`);
    if (chunking === undefined) return undefined;
    reader.onlyKeys(chunking, `${path}.chunking`, ['maxTokens', 'overlapPercentage']);
    if (chunking.maxTokens !== undefined)
      chunkMaxTokens = reader.integer(chunking, `${path}.chunking`, 'maxTokens', 1, 8192);
    if (chunking.overlapPercentage !== undefined)
      chunkOverlapPercentage = reader.integer(chunking, `${path}.chunking`, 'overlapPercentage', 1, 99);
  }
  const standbyReplicas = has('standbyReplicas')
    ? reader.oneOf(doc, path, 'standbyReplicas', ['ENABLED', 'DISABLED'] as const)
    : defaults.standbyReplicas;

  const fields = {
    embeddingModelId,
    embeddingDimensions,
    chunkMaxTokens,
    chunkOverlapPercentage,
    standbyReplicas,
  };
  if (Object.values(fields).includes(undefined) || dimensionsProblem !== undefined) return undefined;
  return fields as { [K in keyof typeof fields]: NonNullable<(typeof fields)[K]> };
}

/** Reads typed fields, recording a problem (and returning undefined) for each one that is wrong. */
class Reader {
  public constructor(private readonly problems: string[]) {}

  public problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  public object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problem(path, value === undefined ? 'is missing' : 'must be an object');
    return undefined;
  }

  public onlyKeys(doc: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(doc)) {
      if (!allowed.includes(key))
        this.problem(`${path}.${key}`, `unknown key (allowed: ${allowed.join(', ')})`);
    }
  }

  public string(doc: Json, path: string, key: string, pattern: RegExp, expected: string): string | undefined {
    const value = doc[key];
    if (typeof value === 'string' && pattern.test(value)) return value;
    this.problem(`${path}.${key}`, `${describe(value)}; expected ${expected}`);
    return undefined;
  }

  public integer(doc: Json, path: string, key: string, min: number, max: number): number | undefined {
    const value = doc[key];
    if (isIntegerBetween(value, min, max)) return value;
    this.problem(`${path}.${key}`, `${describe(value)}; expected an integer from ${min} to ${max}`);
    return undefined;
  }

  public boolean(doc: Json, path: string, key: string): boolean | undefined {
    const value = doc[key];
    if (typeof value === 'boolean') return value;
    this.problem(`${path}.${key}`, `${describe(value)}; expected true or false`);
    return undefined;
  }

  public oneOf<T extends string>(doc: Json, path: string, key: string, allowed: readonly T[]): T | undefined {
    const value = doc[key];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(`${path}.${key}`, `${describe(value)}; expected one of ${allowed.join(', ')}`);
    return undefined;
  }

  public retentionDays(doc: Json, path: string, key: string): number | undefined {
    const value = doc[key];
    if (typeof value === 'number' && isLogRetentionDays(value)) return value;
    this.problem(
      `${path}.${key}`,
      `${describe(value)}; expected a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, ...)`,
    );
    return undefined;
  }

  public emails(doc: Json, path: string, key: string): readonly string[] | undefined {
    const value = doc[key];
    if (!Array.isArray(value)) {
      this.problem(
        `${path}.${key}`,
        `${describe(value)}; expected a list of e-mail addresses (may be empty)`,
      );
      return undefined;
    }
    const bad = value.filter((email) => typeof email !== 'string' || !EMAIL_PATTERN.test(email));
    if (bad.length > 0) {
      this.problem(
        `${path}.${key}`,
        `not e-mail addresses: ${bad.map((email) => JSON.stringify(email)).join(', ')}`,
      );
      return undefined;
    }
    return value as string[];
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'is missing' : `${JSON.stringify(value)} is not allowed`;
}
