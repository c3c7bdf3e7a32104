import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalBedrockAgent, startLocalBedrockAgent } from '../support/local-bedrock-agent';
import {
  type LocalCollection,
  openSearchError,
  searchAnswered,
  startLocalCollection,
} from '../support/local-collection';
import { verifySigV4 } from '../support/sigv4-verifier';

const packageDir = join(__dirname, '..', '..');
const bundle = join(packageDir, 'dist', 'index.js');
const saved = { ...process.env };
let collection: LocalCollection | undefined;
let agent: LocalBedrockAgent | undefined;

beforeAll(() => {
  execFileSync(process.execPath, ['build.mjs'], { cwd: packageDir, stdio: 'pipe' });
});

afterEach(async () => {
  process.env = { ...saved };
  await collection?.stop();
  await agent?.stop();
  collection = undefined;
  agent = undefined;
});

describe('the deployment bundle (dist/index.js)', () => {
  it('is small and exports both handlers the functions call', () => {
    expect(statSync(bundle).size).toBeLessThan(64 * 1024);
    expect(typeof require(bundle).handler).toBe('function');
    expect(typeof require(bundle).startIngestion).toBe('function');
  });

  it('starts an ingestion job with a request signed for service bedrock', async () => {
    agent = await startLocalBedrockAgent([
      { status: 202, body: { ingestionJob: { ingestionJobId: 'IJ5R0M4KZD', status: 'STARTING' } } },
    ]);
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDBUNDLE',
      AWS_SECRET_ACCESS_KEY: 'bundle-secret',
      AWS_REGION: 'us-east-1',
    });
    delete process.env.AWS_SESSION_TOKEN;
    jest.spyOn(console, 'log').mockImplementation(() => {});

    const result = await require(bundle).startIngestion(
      { knowledgeBaseId: 'KBX7Q2L9PA', dataSourceId: 'DSW3N8V1TE', endpoint: agent.endpoint },
      { getRemainingTimeInMillis: () => 60_000 },
    );

    expect(result).toMatchObject({ status: 'started', ingestionJobId: 'IJ5R0M4KZD' });
    expect(agent.requests[0]?.path).toBe('/knowledgebases/KBX7Q2L9PA/datasources/DSW3N8V1TE/ingestionjobs/');
    expect(verifySigV4(agent.requests[0]!, 'bundle-secret')).toMatchObject({
      accessKeyId: 'AKIDBUNDLE',
      region: 'us-east-1',
      service: 'bedrock',
    });
  });

  it('creates an index with a signed request, reading credentials from the environment', async () => {
    collection = await startLocalCollection({
      HEAD: [openSearchError(404, 'index_not_found_exception', 'no such index')],
      PUT: [{ status: 200, body: { acknowledged: true } }],
      GET: [
        {
          status: 200,
          body: { docs: { mappings: { properties: { vec: { type: 'knn_vector', dimension: 256 } } } } },
        },
      ],
      POST: [searchAnswered],
    });
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDBUNDLE',
      AWS_SECRET_ACCESS_KEY: 'bundle-secret',
      AWS_REGION: 'us-east-1',
    });
    delete process.env.AWS_SESSION_TOKEN;
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});

    const result = await require(bundle).handler(
      {
        collectionEndpoint: collection.endpoint,
        indexName: 'docs',
        dimension: 256,
        vectorField: 'vec',
        textField: 'text',
        metadataField: 'meta',
      },
      { getRemainingTimeInMillis: () => 60_000 },
    );

    expect(result).toEqual({ status: 'created', index: 'docs' });
    // The deployed defaults: three searches, five seconds apart, before the knowledge base may be created.
    expect(collection.requests.filter((request) => request.method === 'POST')).toHaveLength(3);
    expect(verifySigV4(collection.requests[1]!, 'bundle-secret')).toMatchObject({
      accessKeyId: 'AKIDBUNDLE',
      region: 'us-east-1',
      service: 'aoss',
    });
    expect(JSON.parse(log.mock.calls.at(-1)?.[0] as string)).toMatchObject({
      level: 'INFO',
      message: 'index created',
      index: 'docs',
    });
  });
});
