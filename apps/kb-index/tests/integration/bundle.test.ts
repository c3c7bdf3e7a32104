import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCollection, openSearchError, startLocalCollection } from '../support/local-collection';
import { verifySigV4 } from '../support/sigv4-verifier';

const packageDir = join(__dirname, '..', '..');
const bundle = join(packageDir, 'dist', 'index.js');
const saved = { ...process.env };
let collection: LocalCollection;

beforeAll(() => {
  execFileSync(process.execPath, ['build.mjs'], { cwd: packageDir, stdio: 'pipe' });
});

afterEach(async () => {
  process.env = { ...saved };
  await collection?.stop();
});

describe('the deployment bundle (dist/index.js)', () => {
  it('is small and exports the handler Lambda calls', () => {
    expect(statSync(bundle).size).toBeLessThan(64 * 1024);
    expect(typeof require(bundle).handler).toBe('function');
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
