import { BedrockagentAgent } from '@cdktf/provider-aws/lib/bedrockagent-agent';
import { ConstructPropsError } from '../../../src/errors';
import { ACCOUNT, newStack, onlyResource, REGION, ref, resolved, resources, statements } from '../../helpers';
import { agentFixture, inNewStack } from '../../support/construct-fixtures';

function agentJson(overrides: Parameters<typeof agentFixture>[1] = {}) {
  return inNewStack((stack) => agentFixture(stack, overrides)).json;
}

/** The statements of the agent role's policy. */
function agentPolicy(overrides: Parameters<typeof agentFixture>[1] = {}) {
  const { stack, agent } = inNewStack((stack) => agentFixture(stack, overrides));
  return resolved(stack, statements(agent.role.policy.policyInput));
}

describe('OrderAgent', () => {
  it('prepares the agent with the model, instruction and a 600 s idle session TTL by default', () => {
    expect(JSON.stringify(agentJson())).toHaveResourceWithProperties(BedrockagentAgent, {
      agent_name: 'agent',
      foundation_model: 'anthropic.claude-3-haiku-20240307-v1:0',
      idle_session_ttl_in_seconds: 600,
      prepare_agent: true,
      description: 'Order-support agent: order status, returns and shipping address changes',
    });
  });

  it('takes the idle session TTL and description from its props', () => {
    const agent = onlyResource(
      agentJson({ idleSessionTtlSeconds: 1800, description: 'Test agent' }),
      'aws_bedrockagent_agent',
    );
    expect(agent).toMatchObject({ idle_session_ttl_in_seconds: 1800, description: 'Test agent' });
  });

  it('sends the instruction without surrounding whitespace', () => {
    const agent = onlyResource(
      agentJson({ instruction: `\n  ${'Help with orders only. '.repeat(3)}\n` }),
      'aws_bedrockagent_agent',
    );
    expect(agent.instruction).toBe('Help with orders only. '.repeat(3).trim());
  });

  it('uses the published guardrail version', () => {
    const agent = onlyResource(agentJson(), 'aws_bedrockagent_agent');
    expect(agent.guardrail_configuration).toEqual([
      {
        guardrail_identifier: ref('aws_bedrock_guardrail.guardrail.guardrail_id'),
        guardrail_version: expect.stringMatching(/^\$\{aws_bedrock_guardrail_version\..+\.version\}$/),
      },
    ]);
  });

  it('is created only after its role policy is attached (IAM propagation)', () => {
    const json = agentJson();
    const policyId = Object.keys(resources(json, 'aws_iam_role_policy')).find((key) =>
      key.startsWith('OrderAgent'),
    );
    expect(onlyResource(json, 'aws_bedrockagent_agent').depends_on).toEqual([
      `aws_iam_role_policy.${policyId}`,
    ]);
  });

  it('is trusted by Bedrock only for agents of its account and region', () => {
    const roles = resources(agentJson(), 'aws_iam_role');
    const id = Object.keys(roles).find((key) => key.startsWith('OrderAgent'))!;
    expect(statements(roles[id]!.assume_role_policy)[0]).toMatchObject({
      Principal: { Service: 'bedrock.amazonaws.com' },
      Condition: {
        StringEquals: { 'aws:SourceAccount': ACCOUNT },
        ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/*` },
      },
    });
  });

  it('grants InvokeModel (streaming too) on the configured foundation model and ApplyGuardrail on its guardrail only', () => {
    const granted = agentPolicy();
    expect(granted.map((statement) => statement.Action)).toEqual([
      ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      ['bedrock:ApplyGuardrail'],
    ]);
    expect(granted[0]!.Resource).toEqual([
      `arn:aws:bedrock:${REGION}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`,
    ]);
    expect(granted[1]!.Resource).toEqual([ref('aws_bedrock_guardrail.guardrail.guardrail_arn')]);
  });

  it('grants an inference profile, and its model in the listed regions only through that profile', () => {
    const granted = agentPolicy({
      modelId: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
      inferenceProfileRegions: ['eu-central-1', 'eu-west-1'],
    });
    const profileArn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/eu.anthropic.claude-haiku-4-5-20251001-v1:0`;
    expect(granted[0]).toMatchObject({
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: [profileArn],
    });
    expect(granted[1]).toMatchObject({
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: [
        'arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
        'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
      ],
      Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn } },
    });
    expect(granted[2]).toMatchObject({ Action: ['bedrock:GetInferenceProfile'], Resource: [profileArn] });
  });

  it.each([
    [
      'instruction shorter than 40 characters',
      { instruction: 'Help with orders.' },
      /instruction needs 40-4000 characters \(it has 17\)/,
    ],
    ['agent name', { agentName: 'order agent' }, /agent name/],
    ['model id', { modelId: 'Claude 3' }, /is not a Bedrock model id/],
    ['idle session TTL', { idleSessionTtlSeconds: 30 }, /idle session TTL/],
    [
      'inference profile without its regions',
      { modelId: 'us.amazon.nova-2-lite-v1:0' },
      /us.amazon.nova-2-lite-v1:0 is an inference profile: list the regions it routes to/,
    ],
    [
      'inference profile region',
      { modelId: 'us.amazon.nova-2-lite-v1:0', inferenceProfileRegions: ['US East'] },
      /inferenceProfileRegions must be region names/,
    ],
  ])('rejects an invalid %s', (_what, overrides, message) => {
    expect(() => agentFixture(newStack(), overrides)).toThrow(ConstructPropsError);
    expect(() => agentFixture(newStack(), overrides)).toThrow(message);
  });
});
