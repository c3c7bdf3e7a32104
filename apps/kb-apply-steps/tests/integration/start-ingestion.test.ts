import { createIngestionHandler, type LogEntry } from '../../src';
import {
  type AgentReply,
  agentError,
  type LocalBedrockAgent,
  startLocalBedrockAgent,
} from '../support/local-bedrock-agent';
import { sha256Hex, verifySigV4 } from '../support/sigv4-verifier';

const credentials = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'session-token-example',
};
const env = { ...credentials, AWS_REGION: 'eu-west-1' };
const KB = 'KBX7Q2L9PA';
const DS = 'DSW3N8V1TE';
const JOBS_PATH = `/knowledgebases/${KB}/datasources/${DS}/ingestionjobs/`;

/** StartIngestionJob's 202 answer, as the service writes it. */
const accepted: AgentReply = {
  status: 202,
  body: {
    ingestionJob: {
      knowledgeBaseId: KB,
      dataSourceId: DS,
      ingestionJobId: 'IJ5R0M4KZD',
      status: 'STARTING',
      startedAt: '2026-11-25T12:00:00Z',
      updatedAt: '2026-11-25T12:00:00Z',
    },
  },
};

let agent: LocalBedrockAgent | undefined;
let logs: LogEntry[];

afterEach(async () => {
  await agent?.stop();
  agent = undefined;
});

async function invoke(
  replies: readonly AgentReply[],
  input: Record<string, unknown> = {},
  context?: { getRemainingTimeInMillis(): number },
) {
  agent = await startLocalBedrockAgent(replies);
  logs = [];
  const handler = createIngestionHandler({
    env,
    baseDelayMs: 5,
    maxDelayMs: 20,
    clientToken: 'token-0123456789-0123456789-0123456789',
    log: (entry) => logs.push(entry),
  });
  return handler(
    {
      knowledgeBaseId: KB,
      dataSourceId: DS,
      description: 'documents 0f3a9c',
      endpoint: agent.endpoint,
      ...input,
    },
    context,
  );
}

describe('startIngestion against a local Bedrock Agent API stand-in', () => {
  it('starts a job with a SigV4-signed PUT for service bedrock and reports its id', async () => {
    const result = await invoke([accepted]);

    expect(result).toEqual({
      status: 'started',
      knowledgeBaseId: KB,
      dataSourceId: DS,
      ingestionJobId: 'IJ5R0M4KZD',
      jobStatus: 'STARTING',
    });
    const [request] = agent?.requests ?? [];
    expect(agent?.requests).toHaveLength(1);
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe(JOBS_PATH);
    expect(verifySigV4(request!, credentials.AWS_SECRET_ACCESS_KEY)).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      region: 'eu-west-1',
      service: 'bedrock',
    });
    expect(request?.headers['x-amz-content-sha256']).toBe(sha256Hex(request?.body ?? ''));
    expect(request?.headers['x-amz-security-token']).toBe(credentials.AWS_SESSION_TOKEN);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      clientToken: 'token-0123456789-0123456789-0123456789',
      description: 'documents 0f3a9c',
    });
    expect(logs.at(-1)).toMatchObject({
      level: 'INFO',
      message: 'ingestion job started',
      ingestionJobId: 'IJ5R0M4KZD',
    });
  });

  it('retries while the role policy propagates, a job is running, or the service fails, with one token', async () => {
    const result = await invoke([
      agentError(403, 'AccessDeniedException', 'not authorized to perform bedrock:StartIngestionJob'),
      agentError(409, 'ConflictException', 'an ingestion job is already running'),
      agentError(429, 'ThrottlingException', 'slow down'),
      'drop',
      agentError(500, 'InternalServerException', 'boom'),
      accepted,
    ]);

    expect(result.status).toBe('started');
    expect(agent?.requests).toHaveLength(6);
    const tokens = agent?.requests.map((request) => JSON.parse(request.body).clientToken);
    expect(new Set(tokens).size).toBe(1);
    expect(logs.filter((entry) => entry.level === 'WARN').map((entry) => String(entry.reason))).toEqual([
      'HTTP 403: AccessDeniedException: not authorized to perform bedrock:StartIngestionJob',
      'HTTP 409: ConflictException: an ingestion job is already running',
      'HTTP 429: ThrottlingException: slow down',
      expect.stringMatching(/^no answer: /),
      'HTTP 500: InternalServerException: boom',
    ]);
  });

  it('fails at once with the reason when the data source does not exist', async () => {
    const attempt = invoke([agentError(404, 'ResourceNotFoundException', `data source ${DS} not found`)]);

    await expect(attempt).rejects.toThrow(
      `kb-index: start ingestion job failed with HTTP 404: ResourceNotFoundException: data source ${DS} not found`,
    );
    expect(agent?.requests).toHaveLength(1);
  });

  it('gives up with a readable message when access stays denied', async () => {
    const attempt = invoke([agentError(403, 'AccessDeniedException', 'denied')], { timeoutSeconds: 0.2 });

    await expect(attempt).rejects.toThrow(
      /^kb-index: start ingestion job still failing after \d+ attempts over 0s; last: HTTP 403: AccessDeniedException: denied \(check that this function's role may bedrock:StartIngestionJob on the knowledge base\)$/,
    );
  });

  it('keeps the retries inside the time the Lambda has left', async () => {
    const started = Date.now();
    const attempt = invoke(
      [agentError(409, 'ConflictException', 'busy')],
      {},
      { getRemainingTimeInMillis: () => 3_150 },
    );

    await expect(attempt).rejects.toThrow(/start ingestion job still failing/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('starts nothing on a Terraform destroy (CRUD lifecycle scope)', async () => {
    const result = await invoke([accepted], { tf: { action: 'delete', prev_input: null } });

    expect(result).toEqual({ status: 'skipped', knowledgeBaseId: KB, dataSourceId: DS });
    expect(agent?.requests).toEqual([]);
  });

  it('lists every input problem without sending anything', async () => {
    const attempt = invoke([accepted], {
      knowledgeBaseId: 'kb 1',
      dataSourceId: undefined,
      timeoutSeconds: 0,
    });

    await expect(attempt).rejects.toThrow(
      'kb-index: invalid ingestion input: knowledgeBaseId must be 10 letters or digits, got "kb 1"; ' +
        'dataSourceId must be 10 letters or digits, got nothing; ' +
        'timeoutSeconds must be a number above 0 and at most 900, got 0',
    );
    expect(agent?.requests).toEqual([]);
  });
});
