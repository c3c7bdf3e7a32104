import {
  DEFAULT_INGESTION_TIMEOUT_SECONDS,
  InvalidIngestionRequestError,
  parseIngestionRequest,
} from '../../src';

const valid = { knowledgeBaseId: 'KBX7Q2L9PA', dataSourceId: 'DSW3N8V1TE' };

function problemsOf(event: unknown, env: NodeJS.ProcessEnv = { AWS_REGION: 'us-east-1' }): readonly string[] {
  try {
    parseIngestionRequest(event, env);
  } catch (error) {
    if (error instanceof InvalidIngestionRequestError) return error.problems;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

describe('parseIngestionRequest', () => {
  it("targets the region's Bedrock Agent endpoint with the default budget", () => {
    const request = parseIngestionRequest(valid, { AWS_REGION: 'eu-central-1' });

    expect(request).toEqual({
      endpoint: new URL('https://bedrock-agent.eu-central-1.amazonaws.com'),
      region: 'eu-central-1',
      knowledgeBaseId: 'KBX7Q2L9PA',
      dataSourceId: 'DSW3N8V1TE',
      budgetMs: DEFAULT_INGESTION_TIMEOUT_SECONDS * 1000,
      action: 'create',
    });
  });

  it('takes the region, endpoint, description, timeout and lifecycle action from the input', () => {
    const request = parseIngestionRequest(
      {
        ...valid,
        region: 'ap-south-1',
        endpoint: 'http://127.0.0.1:4010',
        description: 'documents changed',
        timeoutSeconds: 30,
        tf: { action: 'update', prev_input: {} },
      },
      { AWS_REGION: 'us-east-1' },
    );

    expect(request).toMatchObject({
      region: 'ap-south-1',
      description: 'documents changed',
      budgetMs: 30_000,
      action: 'update',
    });
    expect(request.endpoint.origin).toBe('http://127.0.0.1:4010');
  });

  it('rejects a non-object input', () => {
    expect(problemsOf('start')).toEqual(['expected a JSON object, got "start"']);
    expect(problemsOf([valid])).toEqual(['expected a JSON object, got an array']);
  });

  it('lists every problem of a wrong input', () => {
    expect(
      problemsOf(
        {
          knowledgeBaseId: 'KB-1',
          dataSourceId: 42,
          description: 'x'.repeat(201),
          endpoint: 'http://bedrock-agent.example.com/path',
          timeoutSeconds: 901,
          tf: { action: 'replace' },
        },
        { AWS_REGION: 'us-east-1' },
      ),
    ).toEqual([
      'knowledgeBaseId must be 10 letters or digits, got "KB-1"',
      'dataSourceId must be 10 letters or digits, got 42',
      'description must be a string of 1 to 200 characters',
      'endpoint must use https (http only for loopback hosts): "http://bedrock-agent.example.com/path"',
      'endpoint must be a bare origin without path, query or credentials: "http://bedrock-agent.example.com/path"',
      'timeoutSeconds must be a number above 0 and at most 900, got 901',
      'tf.action must be one of create, update, delete, got "replace"',
    ]);
  });

  it('needs a region from the input or the environment', () => {
    expect(problemsOf(valid, {})).toEqual([
      'region is unknown: neither the region input nor AWS_REGION is set',
    ]);
    expect(problemsOf({ ...valid, region: 'Europe' })).toEqual([
      'region must be an AWS region such as eu-west-1, got "Europe"',
    ]);
  });

  it('rejects an endpoint that is not a URL', () => {
    expect(problemsOf({ ...valid, endpoint: 'bedrock agent' })).toEqual([
      'endpoint is not a URL: "bedrock agent"',
    ]);
  });
});
