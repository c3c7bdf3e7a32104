import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEnvironment, loadInfraConfig } from '../../../src/config/load-config';
import { parseInfraConfig } from '../../../src/config/parse-config';
import { KNOWLEDGE_BASE_DEFAULTS, parseModelId } from '../../../src/config/rules';
import { ConfigError } from '../../../src/errors';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';
import { type Doc, problemsAfter, reviewed } from '../../support/config-doc';

describe('the reviewed configuration file', () => {
  it('loads with dev and prod on their placeholder accounts', () => {
    const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
    expect(config.project).toBe('order-agent');
    expect(config.environments.map((env) => [env.name, env.accountId])).toEqual([
      ['dev', '111111111111'],
      ['prod', '222222222222'],
    ]);
    expect(findEnvironment(config, 'prod').deletionProtection).toBe(true);
  });

  it('names the known environments when asked for an unknown one', () => {
    const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
    expect(() => findEnvironment(config, 'qa')).toThrow(/no environment named "qa" \(known: dev, prod\)/);
  });

  it('reports an unreadable file and invalid JSON as configuration errors', () => {
    expect(() => loadInfraConfig(join(tmpdir(), 'no-such-infra-config.json'))).toThrow(ConfigError);
    const dir = mkdtempSync(join(tmpdir(), 'infra-config-'));
    const broken = join(dir, 'environments.json');
    writeFileSync(broken, '{ "project": ');
    try {
      expect(() => loadInfraConfig(broken)).toThrow(/not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('configuration rules', () => {
  it.each([
    [
      'account id of 11 digits',
      (doc: Doc) => (doc.environments.dev.accountId = '11111111111'),
      'dev.accountId',
    ],
    ['account id with letters', (doc: Doc) => (doc.state.accountId = '33333333333x'), 'state.accountId'],
    ['region', (doc: Doc) => (doc.environments.prod.region = 'Europe'), 'prod.region'],
    ['model id', (doc: Doc) => (doc.environments.dev.modelId = 'claude'), 'dev.modelId'],
    [
      'retention outside the CloudWatch set',
      (doc: Doc) => (doc.environments.dev.logRetentionDays = 10),
      'logRetentionDays',
    ],
    [
      'retention of 0 (never expire)',
      (doc: Doc) => (doc.environments.dev.logRetentionDays = 0),
      'logRetentionDays',
    ],
    [
      'alarm threshold of 0',
      (doc: Doc) => (doc.environments.dev.alarms.lambdaErrorsThreshold = 0),
      'lambdaErrorsThreshold',
    ],
    [
      'alarm period not a multiple of 60',
      (doc: Doc) => (doc.environments.dev.alarms.periodSeconds = 90),
      'periodSeconds',
    ],
    ['alarm e-mail', (doc: Doc) => (doc.environments.dev.alarms.emails = ['ops']), 'emails'],
    [
      'deletion protection as a string',
      (doc: Doc) => (doc.environments.prod.deletionProtection = 'yes'),
      'deletionProtection',
    ],
    ['empty owner', (doc: Doc) => (doc.environments.dev.owner = ''), 'dev.owner'],
    [
      'idle session TTL above 3600',
      (doc: Doc) => (doc.environments.dev.idleSessionTtlSeconds = 7200),
      'idleSessionTtlSeconds',
    ],
    ['Lambda memory below 128', (doc: Doc) => (doc.environments.dev.lambdaMemoryMb = 64), 'lambdaMemoryMb'],
    [
      'Lambda timeout above 900',
      (doc: Doc) => (doc.environments.dev.lambdaTimeoutSeconds = 901),
      'lambdaTimeoutSeconds',
    ],
    ['bucket name with capitals', (doc: Doc) => (doc.state.bucketName = 'Order-State'), 'bucketName'],
    ['bootstrap backend', (doc: Doc) => (doc.state.bootstrapBackend = 'remote'), 'bootstrapBackend'],
    [
      'environment name',
      (doc: Doc) => (doc.environments.Prod_1 = doc.environments.prod),
      'environments.Prod_1',
    ],
    ['misspelt key', (doc: Doc) => (doc.environments.dev.deletionProtect = true), 'unknown key'],
    ['missing key', (doc: Doc) => delete doc.environments.dev.region, 'dev.region: is missing'],
  ])('rejects a bad %s', (_what, change, expected) => {
    const problems = problemsAfter(change);
    expect(problems.join('\n')).toContain(expected);
  });

  it('rejects a configuration without environments', () => {
    expect(problemsAfter((doc) => (doc.environments = {}))).toEqual([
      '$.environments: at least one environment is needed',
    ]);
  });

  it('reports every problem at once, each with its path', () => {
    const problems = problemsAfter((doc) => {
      doc.environments.dev.accountId = '1';
      doc.environments.prod.region = 'x';
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^\$\.environments\.dev\.accountId: "1" is not allowed; expected 12 digits$/);
  });

  it('rejects a document that is not an object', () => {
    expect(() => parseInfraConfig([])).toThrow(/\$: must be an object/);
  });
});

describe('parseModelId', () => {
  it('keeps a foundation model id as it is', () => {
    expect(parseModelId('anthropic.claude-3-haiku-20240307-v1:0')).toEqual({
      foundationModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    });
  });

  it('splits a cross-region inference profile into the profile and its model', () => {
    expect(parseModelId('us.anthropic.claude-3-5-haiku-20241022-v1:0')).toEqual({
      inferenceProfileId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      foundationModelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    });
  });
});

describe('knowledge base configuration', () => {
  const knowledgeBaseOf = (change: (doc: Doc) => void, env = 'dev') => {
    const doc = reviewed();
    change(doc);
    return parseInfraConfig(doc).environments.find((environment) => environment.name === env)?.knowledgeBase;
  };

  it('reads the reviewed settings: Titan v2 at 1024 dimensions, 300-token chunks, standby off in dev only', () => {
    const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
    expect(findEnvironment(config, 'dev').knowledgeBase).toEqual({
      embeddingModelId: 'amazon.titan-embed-text-v2:0',
      embeddingDimensions: 1024,
      chunkMaxTokens: 300,
      chunkOverlapPercentage: 20,
      standbyReplicas: 'DISABLED',
    });
    expect(findEnvironment(config, 'prod').knowledgeBase.standbyReplicas).toBe('ENABLED');
  });

  it('applies the defaults to a missing block and to each missing key', () => {
    expect(knowledgeBaseOf((doc) => delete doc.environments.dev.knowledgeBase)).toEqual(
      KNOWLEDGE_BASE_DEFAULTS,
    );
    expect(
      knowledgeBaseOf(
        (doc) => (doc.environments.dev.knowledgeBase = { chunking: { overlapPercentage: 10 } }),
      ),
    ).toEqual({ ...KNOWLEDGE_BASE_DEFAULTS, chunkOverlapPercentage: 10 });
    expect(KNOWLEDGE_BASE_DEFAULTS).toMatchObject({
      embeddingModelId: 'amazon.titan-embed-text-v2:0',
      embeddingDimensions: 1024,
      standbyReplicas: 'ENABLED',
    });
  });

  it('takes another embedding model with a dimension it supports', () => {
    expect(
      knowledgeBaseOf((doc) => {
        doc.environments.dev.knowledgeBase.embeddingModelId = 'cohere.embed-multilingual-v3';
        doc.environments.dev.knowledgeBase.embeddingDimensions = 1024;
      }),
    ).toMatchObject({ embeddingModelId: 'cohere.embed-multilingual-v3', embeddingDimensions: 1024 });
  });

  it.each([
    [
      'a dimension Titan v2 does not produce',
      (kb: Doc) => (kb.embeddingDimensions = 768),
      'dev.knowledgeBase.embeddingDimensions: amazon.titan-embed-text-v2:0 returns vectors of 256, 512, 1024 dimensions, not 768',
    ],
    [
      'a dimension above the index limit',
      (kb: Doc) => (kb.embeddingDimensions = 20000),
      'dev.knowledgeBase.embeddingDimensions: 20000 is not allowed; expected an integer from 1 to 16000',
    ],
    [
      'an inference profile as embedding model',
      (kb: Doc) => (kb.embeddingModelId = 'us.amazon.titan-embed-text-v2:0'),
      'dev.knowledgeBase.embeddingModelId: an embedding model is a foundation model, not an inference profile',
    ],
    [
      'a malformed model id',
      (kb: Doc) => (kb.embeddingModelId = 'titan'),
      'dev.knowledgeBase.embeddingModelId: "titan" is not allowed',
    ],
    [
      'chunks of 0 tokens',
      (kb: Doc) => (kb.chunking.maxTokens = 0),
      'dev.knowledgeBase.chunking.maxTokens: 0 is not allowed; expected an integer from 1 to 8192',
    ],
    [
      'an overlap of 100 percent',
      (kb: Doc) => (kb.chunking.overlapPercentage = 100),
      'dev.knowledgeBase.chunking.overlapPercentage: 100 is not allowed; expected an integer from 1 to 99',
    ],
    [
      'standby replicas as a boolean',
      (kb: Doc) => (kb.standbyReplicas = false),
      'dev.knowledgeBase.standbyReplicas: false is not allowed; expected one of ENABLED, DISABLED',
    ],
    ['a misspelt key', (kb: Doc) => (kb.chunkSize = 300), 'dev.knowledgeBase.chunkSize: unknown key'],
    [
      'a misspelt chunking key',
      (kb: Doc) => (kb.chunking.overlap = 20),
      'dev.knowledgeBase.chunking.overlap: unknown key',
    ],
  ])('rejects %s', (_what, change, expected) => {
    expect(problemsAfter((doc) => change(doc.environments.dev.knowledgeBase)).join('\n')).toContain(expected);
  });

  it('rejects a knowledge base block that is not an object', () => {
    expect(problemsAfter((doc) => (doc.environments.prod.knowledgeBase = 'titan'))).toEqual([
      '$.environments.prod.knowledgeBase: must be an object',
    ]);
  });
});
