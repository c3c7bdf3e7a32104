import { createHandler, type LogEntry } from '../../src';
import {
  forbidden,
  type LocalCollection,
  openSearchError,
  type RecordedRequest,
  type Script,
  searchAnswered,
  startLocalCollection,
} from '../support/local-collection';
import { sha256Hex, verifySigV4 } from '../support/sigv4-verifier';

const credentials = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'session-token-example',
};
const env = { ...credentials, AWS_REGION: 'eu-west-1' };
const INDEX = 'order-agent-dev-kb';

/** The mapping Bedrock needs, written out here independently of the code under test. */
const expectedIndexBody = {
  settings: { index: { knn: true, 'knn.algo_param.ef_search': 512 } },
  mappings: {
    properties: {
      'bedrock-knowledge-base-default-vector': {
        type: 'knn_vector',
        dimension: 1024,
        method: {
          name: 'hnsw',
          engine: 'faiss',
          space_type: 'l2',
          parameters: { ef_construction: 512, m: 16 },
        },
      },
      AMAZON_BEDROCK_TEXT_CHUNK: { type: 'text', index: true },
      AMAZON_BEDROCK_METADATA: { type: 'text', index: false },
    },
  },
};

/** `GET /<index>` as OpenSearch answers it for an index holding the mapping above. */
function indexDescription(dimension = 1024) {
  const { properties } = expectedIndexBody.mappings;
  return {
    status: 200,
    body: {
      [INDEX]: {
        aliases: {},
        mappings: {
          properties: {
            ...properties,
            'bedrock-knowledge-base-default-vector': {
              ...properties['bedrock-knowledge-base-default-vector'],
              dimension,
            },
          },
        },
        settings: { index: { knn: 'true', number_of_shards: '2' } },
      },
    },
  };
}

const notFound = openSearchError(404, 'index_not_found_exception', `no such index [${INDEX}]`);
const SEARCH = `POST /${INDEX}/_search`;

let collection: LocalCollection | undefined;
let logs: LogEntry[];

afterEach(async () => {
  await collection?.stop();
  collection = undefined;
});

async function invoke(
  script: Script,
  input: Record<string, unknown> = {},
  context?: { getRemainingTimeInMillis(): number },
) {
  // Every scripted index answers searches unless the test says otherwise; two in a row settle it here.
  collection = await startLocalCollection({ POST: [searchAnswered], ...script });
  logs = [];
  const handler = createHandler({
    env,
    baseDelayMs: 5,
    maxDelayMs: 20,
    settle: { reads: 2, intervalMs: 1 },
    log: (entry) => logs.push(entry),
  });
  return handler(
    {
      collectionEndpoint: collection.endpoint,
      indexName: INDEX,
      dimension: 1024,
      vectorField: 'bedrock-knowledge-base-default-vector',
      textField: 'AMAZON_BEDROCK_TEXT_CHUNK',
      metadataField: 'AMAZON_BEDROCK_METADATA',
      ...input,
    },
    context,
  );
}

const calls = () => collection?.requests.map((request) => `${request.method} ${request.path}`);

describe('kb-index Lambda against a local OpenSearch Serverless stand-in', () => {
  it('creates the index with a SigV4-signed PUT for service aoss and the Bedrock mapping', async () => {
    const before = Date.now();
    const result = await invoke({
      HEAD: [notFound],
      PUT: [{ status: 200, body: { acknowledged: true, index: INDEX } }],
      GET: [indexDescription()],
    });

    expect(result).toEqual({ status: 'created', index: INDEX });
    expect(calls()).toEqual([`HEAD /${INDEX}`, `PUT /${INDEX}`, `GET /${INDEX}`, SEARCH, SEARCH]);
    for (const request of collection?.requests ?? []) {
      const signature = verifySigV4(request, credentials.AWS_SECRET_ACCESS_KEY);
      expect(signature).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', region: 'eu-west-1', service: 'aoss' });
      expect(signature.signedHeaders).toEqual(
        expect.arrayContaining(['host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token']),
      );
      expect(request.headers['x-amz-content-sha256']).toBe(sha256Hex(request.body));
      expect(request.headers['x-amz-security-token']).toBe(credentials.AWS_SESSION_TOKEN);
      expect(request.headers.host).toBe(new URL(collection?.endpoint ?? '').host);
      const amzDate = String(request.headers['x-amz-date']);
      expect(amzDate).toMatch(/^\d{8}T\d{6}Z$/);
      const signedAt = Date.parse(
        amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
      );
      expect(signedAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(signedAt).toBeLessThanOrEqual(Date.now());
    }
    const put = collection?.requests[1];
    expect(put?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(put?.body ?? '')).toEqual(expectedIndexBody);
    expect(collection?.requests[0]?.headers['x-amz-content-sha256']).toBe(sha256Hex(''));
    // The verifier is a real check: the same request sent elsewhere does not verify.
    expect(() =>
      verifySigV4({ ...(put as RecordedRequest), path: '/another-index' }, credentials.AWS_SECRET_ACCESS_KEY),
    ).toThrow('signature mismatch');
  });

  it('retries 403 while the data access policy propagates, then succeeds', async () => {
    const result = await invoke({
      HEAD: [forbidden, forbidden, notFound],
      PUT: [forbidden, { status: 200, body: { acknowledged: true } }],
      GET: [indexDescription()],
    });

    expect(result).toEqual({ status: 'created', index: INDEX });
    expect(calls()).toEqual([
      `HEAD /${INDEX}`,
      `HEAD /${INDEX}`,
      `HEAD /${INDEX}`,
      `PUT /${INDEX}`,
      `PUT /${INDEX}`,
      `GET /${INDEX}`,
      SEARCH,
      SEARCH,
    ]);
    const retries = logs.filter((entry) => entry.level === 'WARN');
    expect(retries.map((entry) => entry.message)).toEqual([
      'check index: retrying',
      'check index: retrying',
      'create index: retrying',
    ]);
    expect(retries.map((entry) => entry.reason)).toEqual([
      'HTTP 403: Forbidden',
      'HTTP 403: Forbidden',
      'HTTP 403: Forbidden: 403 Forbidden',
    ]);
    for (const request of collection?.requests ?? []) verifySigV4(request, credentials.AWS_SECRET_ACCESS_KEY);
  });

  it('retries 5xx answers and dropped connections', async () => {
    const result = await invoke({
      HEAD: ['drop', openSearchError(503, 'unavailable', 'try again'), notFound],
      PUT: [openSearchError(500, 'internal_error', 'boom'), { status: 200, body: { acknowledged: true } }],
      GET: [indexDescription()],
    });

    expect(result).toEqual({ status: 'created', index: INDEX });
    expect(logs.filter((entry) => entry.level === 'WARN').map((entry) => String(entry.reason))).toEqual([
      expect.stringMatching(/^no answer: /),
      'HTTP 503: Service Unavailable',
      'HTTP 500: internal_error: boom',
    ]);
  });

  it('answers "exists" without a PUT when the index is already there', async () => {
    const result = await invoke({ HEAD: [{ status: 200 }], GET: [indexDescription()] });

    expect(result).toEqual({ status: 'exists', index: INDEX });
    expect(calls()).toEqual([`HEAD /${INDEX}`, `GET /${INDEX}`, SEARCH, SEARCH]);
  });

  it('returns only once the index answers searches several times in a row, starting over on a "no such index"', async () => {
    const result = await invoke({
      HEAD: [notFound],
      PUT: [{ status: 200, body: { acknowledged: true } }],
      GET: [indexDescription()],
      // Served by one node, then not by the next: the race CreateKnowledgeBase loses without this wait.
      POST: [searchAnswered, notFound, searchAnswered, searchAnswered],
    });
    expect(result).toEqual({ status: 'created', index: INDEX });
    expect(calls()).toEqual([
      `HEAD /${INDEX}`,
      `PUT /${INDEX}`,
      `GET /${INDEX}`,
      SEARCH,
      SEARCH,
      SEARCH,
      SEARCH,
    ]);
    expect(JSON.parse(collection?.requests.at(-1)?.body ?? '')).toEqual({
      size: 0,
      query: { match_all: {} },
    });
    expect(logs.filter((entry) => entry.level === 'WARN')).toEqual([
      expect.objectContaining({
        message: 'search index: retrying',
        reason: 'HTTP 404 on search 2 of 2: not settled yet',
      }),
    ]);
  });

  it('fails with the reason when the index never settles within the budget', async () => {
    const attempt = invoke(
      { HEAD: [notFound], PUT: [{ status: 200, body: {} }], GET: [indexDescription()], POST: [notFound] },
      { timeoutSeconds: 0.2 },
    );
    await expect(attempt).rejects.toThrow(/search index still failing after \d+ attempts .* not settled yet/);
  });

  it('answers "exists" when a concurrent create wins (400 resource_already_exists_exception)', async () => {
    const result = await invoke({
      HEAD: [notFound],
      PUT: [openSearchError(400, 'resource_already_exists_exception', `index [${INDEX}/abc] already exists`)],
      GET: [indexDescription()],
    });

    expect(result).toEqual({ status: 'exists', index: INDEX });
  });

  it('waits until a new index can be read back before reporting success', async () => {
    const result = await invoke({
      HEAD: [notFound],
      PUT: [{ status: 200, body: {} }],
      GET: [notFound, notFound, indexDescription()],
    });

    expect(result).toEqual({ status: 'created', index: INDEX });
    expect(calls()?.filter((call) => call.startsWith('GET'))).toHaveLength(3);
  });

  it('fails at once with the reason on a non-retryable 400', async () => {
    const attempt = invoke({
      HEAD: [notFound],
      PUT: [
        openSearchError(
          400,
          'mapper_parsing_exception',
          'Dimension value cannot be greater than 16000 for vector',
        ),
      ],
    });

    await expect(attempt).rejects.toThrow(
      'kb-index: create index failed with HTTP 400: mapper_parsing_exception: Dimension value cannot be greater than 16000 for vector',
    );
    expect(calls()).toEqual([`HEAD /${INDEX}`, `PUT /${INDEX}`]);
  });

  it('gives up with a readable message when 403 outlasts the budget', async () => {
    const attempt = invoke({ HEAD: [forbidden] }, { timeoutSeconds: 0.2 });

    await expect(attempt).rejects.toThrow(
      /^kb-index: check index still failing after \d+ attempts over 0s; last: HTTP 403: Forbidden \(check that the collection data access policy names this function's role\)$/,
    );
    expect(collection?.requests.length).toBeGreaterThan(2);
  });

  it('keeps the retries inside the time the Lambda has left', async () => {
    const started = Date.now();
    const attempt = invoke({ HEAD: [forbidden] }, {}, { getRemainingTimeInMillis: () => 3_150 });

    await expect(attempt).rejects.toThrow(/check index still failing/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses an existing index whose vector field does not fit the embedding model', async () => {
    const attempt = invoke({ HEAD: [{ status: 200 }], GET: [indexDescription(1536)] });

    await expect(attempt).rejects.toThrow(
      `kb-index: index "${INDEX}" exists with an incompatible mapping: bedrock-knowledge-base-default-vector has dimension 1536, expected 1024. Delete it or choose another index name.`,
    );
  });

  it('leaves the index in place on a Terraform destroy (CRUD lifecycle scope)', async () => {
    const result = await invoke({}, { tf: { action: 'delete', prev_input: null } });

    expect(result).toEqual({ status: 'retained', index: INDEX });
    expect(collection?.requests).toEqual([]);
  });

  it('reports missing credentials without sending anything', async () => {
    collection = await startLocalCollection({ HEAD: [notFound] });
    const handler = createHandler({ env: { AWS_REGION: 'eu-west-1' }, log: () => {} });
    const attempt = handler({
      collectionEndpoint: collection.endpoint,
      indexName: INDEX,
      dimension: 1024,
      vectorField: 'v',
      textField: 't',
      metadataField: 'm',
    });

    await expect(attempt).rejects.toThrow(
      'kb-index: no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set',
    );
    expect(collection.requests).toEqual([]);
  });
});
