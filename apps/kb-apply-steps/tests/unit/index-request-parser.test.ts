import { DEFAULT_TIMEOUT_SECONDS, InvalidIndexRequestError, parseIndexRequest } from '../../src';

const valid = {
  collectionEndpoint: 'https://a1b2c3d4e5.eu-central-1.aoss.amazonaws.com',
  indexName: 'order-agent-prod-kb',
  dimension: 1024,
  vectorField: 'bedrock-knowledge-base-default-vector',
  textField: 'AMAZON_BEDROCK_TEXT_CHUNK',
  metadataField: 'AMAZON_BEDROCK_METADATA',
};

function problemsOf(event: unknown, env: NodeJS.ProcessEnv = {}): readonly string[] {
  try {
    parseIndexRequest(event, env);
  } catch (error) {
    if (error instanceof InvalidIndexRequestError) return error.problems;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

describe('parseIndexRequest', () => {
  it('accepts the aws_lambda_invocation input and takes the region from the collection endpoint', () => {
    const request = parseIndexRequest(valid, { AWS_REGION: 'us-east-1' });

    expect(request).toMatchObject({
      region: 'eu-central-1',
      indexName: 'order-agent-prod-kb',
      dimension: 1024,
      vectorField: 'bedrock-knowledge-base-default-vector',
      textField: 'AMAZON_BEDROCK_TEXT_CHUNK',
      metadataField: 'AMAZON_BEDROCK_METADATA',
      budgetMs: DEFAULT_TIMEOUT_SECONDS * 1000,
      action: 'create',
    });
    expect(request.endpoint.href).toBe('https://a1b2c3d4e5.eu-central-1.aoss.amazonaws.com/');
  });

  it('uses the region input, then AWS_REGION, when the host does not name one', () => {
    const loopback = { ...valid, collectionEndpoint: 'http://127.0.0.1:9200' };
    expect(parseIndexRequest({ ...loopback, region: 'ap-south-1' }, { AWS_REGION: 'us-east-1' }).region).toBe(
      'ap-south-1',
    );
    expect(parseIndexRequest(loopback, { AWS_REGION: 'us-east-1' }).region).toBe('us-east-1');
    expect(problemsOf(loopback)).toEqual([
      'region is unknown: the endpoint does not name one and neither region nor AWS_REGION is set',
    ]);
  });

  it('accepts a dimension Terraform passed as a string, and the timeout and lifecycle keys', () => {
    const request = parseIndexRequest({
      ...valid,
      dimension: '512',
      timeoutSeconds: 45,
      tf: { action: 'update', prev_input: {} },
    });

    expect(request).toMatchObject({ dimension: 512, budgetMs: 45_000, action: 'update' });
  });

  it('allows plain http only for loopback hosts', () => {
    expect(
      parseIndexRequest({ ...valid, collectionEndpoint: 'http://localhost:4000' }, { AWS_REGION: 'x' })
        .endpoint.port,
    ).toBe('4000');
    expect(
      problemsOf({ ...valid, collectionEndpoint: 'http://a1b2c3.eu-central-1.aoss.amazonaws.com' }),
    ).toEqual([
      'collectionEndpoint must use https (http only for loopback hosts): "http://a1b2c3.eu-central-1.aoss.amazonaws.com"',
    ]);
    expect(problemsOf({ ...valid, collectionEndpoint: `${valid.collectionEndpoint}/some-index` })).toEqual([
      `collectionEndpoint must be a bare origin without path, query or credentials: "${valid.collectionEndpoint}/some-index"`,
    ]);
  });

  it('lists every problem of a bad input at once', () => {
    expect(
      problemsOf({
        collectionEndpoint: 'not a url',
        indexName: 'Bad Index',
        dimension: 1024.5,
        vectorField: 'same',
        textField: 'same',
        metadataField: '',
        timeoutSeconds: 1000,
      }),
    ).toEqual([
      'collectionEndpoint is not a URL: "not a url"',
      'indexName "Bad Index" is not a valid OpenSearch index name (lower case, at most 255 bytes, no spaces or \\/*?"<>|,#:, not starting with _ - +)',
      'dimension must be an integer from 1 to 16000, got 1024.5',
      'metadataField is required',
      'vectorField, textField and metadataField must be three different names',
      'timeoutSeconds must be a number above 0 and at most 900, got 1000',
      'region is unknown: the endpoint does not name one and neither region nor AWS_REGION is set',
    ]);
  });

  it.each([
    ['_hidden', 'indexName'],
    ['-dash', 'indexName'],
    ['a/b', 'indexName'],
    ['x'.repeat(256), 'indexName'],
  ])('rejects the index name %s', (indexName) => {
    expect(problemsOf({ ...valid, indexName })[0]).toMatch(
      /^indexName ".*" is not a valid OpenSearch index name/,
    );
  });

  it.each([0, 16_001, -1, '1e3', null, '1024 '])('rejects the dimension %p', (dimension) => {
    expect(problemsOf({ ...valid, dimension })).toEqual([
      expect.stringMatching(/^dimension must be an integer from 1 to 16000, got /),
    ]);
  });

  it('rejects field names OpenSearch reserves', () => {
    expect(problemsOf({ ...valid, textField: '_source' })).toEqual([
      'textField "_source" is not a valid field name (no leading _ and no spaces)',
    ]);
  });

  it('rejects an unknown lifecycle action', () => {
    expect(problemsOf({ ...valid, tf: { action: 'refresh' } })).toEqual([
      'tf.action must be one of create, update, delete, got "refresh"',
    ]);
  });

  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['text', '"text"'],
    [[1], 'an array'],
  ])('answers a non-object input (%p) with one clear line', (event, shown) => {
    expect(() => parseIndexRequest(event, {})).toThrow(
      `kb-index: invalid input: expected a JSON object, got ${shown}`,
    );
  });
});
