import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BedrockGuardrail } from '@cdktf/provider-aws/lib/bedrock-guardrail';
import { OrderGuardrail } from '../../../src/constructs/guardrail';
import {
  deniedTopicDefinitionProblem,
  ORDER_SUPPORT_DENIED_TOPICS,
} from '../../../src/constructs/guardrail-policy';
import { ConstructPropsError } from '../../../src/errors';
import type { PolicyStatement } from '../../../src/iam';
import { REPO_ROOT } from '../../../src/paths';
import { first, newStack, onlyResource, ref, synth } from '../../helpers';

function guardrailJson(props: Partial<ConstructorParameters<typeof OrderGuardrail>[2]> = {}) {
  const stack = newStack();
  new OrderGuardrail(stack, 'Guardrail', { guardrailName: 'orders', ...props });
  return synth(stack);
}

describe('OrderGuardrail', () => {
  it('filters harmful content and prompt attacks at high strength by default', () => {
    const guardrail = onlyResource(guardrailJson(), 'aws_bedrock_guardrail');
    const filters = first(guardrail.content_policy_config).filters_config;
    expect(filters).toContainEqual({
      type: 'PROMPT_ATTACK',
      input_strength: 'HIGH',
      output_strength: 'NONE',
    });
    expect(filters).toContainEqual({ type: 'MISCONDUCT', input_strength: 'HIGH', output_strength: 'HIGH' });
    expect(filters).toHaveLength(6);
  });

  it('denies the topics outside order support by default', () => {
    const guardrail = onlyResource(guardrailJson(), 'aws_bedrock_guardrail');
    const topics = first(guardrail.topic_policy_config).topics_config as Array<{
      name: string;
      type: string;
    }>;
    expect(topics.map((topic) => [topic.name, topic.type])).toEqual(
      ORDER_SUPPORT_DENIED_TOPICS.map((topic) => [topic.name, 'DENY']),
    );
  });

  it('defines every default topic positively, without examples or instructions, within Bedrock limits', () => {
    for (const topic of ORDER_SUPPORT_DENIED_TOPICS) {
      expect([topic.name, deniedTopicDefinitionProblem(topic.definition)]).toEqual([topic.name, undefined]);
      expect(topic.definition.length).toBeLessThanOrEqual(200);
      expect(topic.examples.length).toBeGreaterThan(0);
    }
    // The earlier catch-all topic, as the guidance's counter-example.
    expect(
      deniedTopicDefinitionProblem('Requests that are not about the customer orders, returns or deliveries'),
    ).toBe('is defined negatively or by exception; say what the topic is ("not")');
  });

  it('has an off-topic prompt per denied topic in the list `order-agent guardrail check` runs', () => {
    const list = JSON.parse(readFileSync(join(REPO_ROOT, 'apps/cli/guardrail/prompts.json'), 'utf8')) as {
      offTopic: Array<{ topic?: string }>;
    };
    const named = new Set(list.offTopic.map((entry) => entry.topic));
    expect([...named].sort()).toEqual(ORDER_SUPPORT_DENIED_TOPICS.map((topic) => topic.name).sort());
  });

  it('renders examples in their own field, not in the definition', () => {
    const guardrail = onlyResource(guardrailJson(), 'aws_bedrock_guardrail');
    const [programming] = (
      first(guardrail.topic_policy_config).topics_config as Array<{ name: string; examples: string[] }>
    ).filter((topic) => topic.name === 'Programming');
    expect(programming).toEqual({
      name: 'Programming',
      type: 'DENY',
      definition: 'Writing, explaining, reviewing or debugging computer code, scripts or software.',
      examples: [
        'Write me a Python script that scrapes a website.',
        'Why does my JavaScript loop never end?',
      ],
    });
  });

  it('blocks payment data and secrets, masks contact details, and lets names and addresses through', () => {
    const guardrail = onlyResource(guardrailJson(), 'aws_bedrock_guardrail');
    const pii = first(guardrail.sensitive_information_policy_config).pii_entities_config as Array<{
      type: string;
    }>;
    expect(pii).toContainEqual({ type: 'CREDIT_DEBIT_CARD_NUMBER', action: 'BLOCK' });
    expect(pii).toContainEqual({ type: 'EMAIL', action: 'ANONYMIZE' });
    const types = pii.map((entity) => entity.type);
    expect(types).not.toContain('NAME');
    expect(types).not.toContain('ADDRESS');
  });

  it('answers blocked messages with an order-support sentence unless told otherwise', () => {
    expect(JSON.stringify(guardrailJson())).toHaveResourceWithProperties(BedrockGuardrail, {
      blocked_input_messaging: expect.stringContaining('I can only help with your orders'),
    });
    const custom = onlyResource(
      guardrailJson({ blockedInputMessage: 'No.', blockedOutputMessage: 'Nope.' }),
      'aws_bedrock_guardrail',
    );
    expect(custom).toMatchObject({ blocked_input_messaging: 'No.', blocked_outputs_messaging: 'Nope.' });
  });

  it('publishes a version that is kept on replace and changes with the configuration', () => {
    const version = onlyResource(guardrailJson(), 'aws_bedrock_guardrail_version');
    expect(version).toMatchObject({
      guardrail_arn: ref('aws_bedrock_guardrail.guardrail.guardrail_arn'),
      skip_destroy: true,
    });
    const changed = onlyResource(
      guardrailJson({ blockedInputMessage: 'Only orders here.' }),
      'aws_bedrock_guardrail_version',
    );
    expect(changed.description).not.toEqual(version.description);
  });

  it('grants ApplyGuardrail on this guardrail only', () => {
    const stack = newStack();
    const guardrail = new OrderGuardrail(stack, 'Guardrail', { guardrailName: 'orders' });
    const granted: PolicyStatement[] = [];
    guardrail.grantApply({ addToPrincipalPolicy: (statement) => granted.push(statement) });
    expect(granted).toEqual([
      expect.objectContaining({ Action: ['bedrock:ApplyGuardrail'], Resource: [guardrail.guardrailArn] }),
    ]);
  });

  it.each([
    ['guardrail name', { guardrailName: 'my guardrail' }, /guardrail name/],
    [
      'topic name',
      { deniedTopics: [{ name: 'Advice, legal', definition: 'x', examples: [] }] },
      /topic name/,
    ],
    [
      'topic definition',
      { deniedTopics: [{ name: 'Advice', definition: 'x'.repeat(201), examples: [] }] },
      /definition of 1-200/,
    ],
    [
      'topic examples',
      { deniedTopics: [{ name: 'Advice', definition: 'x', examples: ['a', 'b', 'c', 'd', 'e', 'f'] }] },
      /at most 5 examples/,
    ],
    [
      'negative topic definition',
      { deniedTopics: [{ name: 'Off topic', definition: 'Anything other than orders.', examples: [] }] },
      /the definition of topic Off topic is defined negatively or by exception; say what the topic is \("other than"\)/,
    ],
    [
      'topic definition holding examples',
      { deniedTopics: [{ name: 'Code', definition: 'Programming tasks, e.g. scripts.', examples: [] }] },
      /the definition of topic Code holds examples; put them in the examples list/,
    ],
    [
      'topic definition holding instructions',
      { deniedTopics: [{ name: 'Code', definition: 'Block programming questions.', examples: [] }] },
      /the definition of topic Code holds instructions/,
    ],
  ])('rejects an invalid %s', (_what, props, message) => {
    expect(() => new OrderGuardrail(newStack(), 'Guardrail', { guardrailName: 'orders', ...props })).toThrow(
      ConstructPropsError,
    );
    expect(() => new OrderGuardrail(newStack(), 'Guardrail', { guardrailName: 'orders', ...props })).toThrow(
      message,
    );
  });
});
