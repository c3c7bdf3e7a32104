import { readFileSync } from 'node:fs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { findEnvironment, loadInfraConfig } from '../../../src/config/load-config';
import type { EnvironmentConfig } from '../../../src/config/types';
import { asList } from '../../../src/iam';
import { DEFAULT_CONFIG_FILE, ORDER_API_SCHEMA_FILE } from '../../../src/paths';
import { ENVIRONMENT_OUTPUTS, EnvironmentStack } from '../../../src/stacks/environment-stack';
import {
  errorAnnotations,
  first,
  onlyResource,
  ref,
  resolved,
  resources,
  synth,
  testApp,
} from '../../helpers';
import { environmentSources } from '../../support/environment-sources';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
const schemaText = readFileSync(ORDER_API_SCHEMA_FILE, 'utf8');

function environmentStack(name: string, change: Partial<EnvironmentConfig> = {}) {
  const stack = new EnvironmentStack(testApp(), {
    project: config.project,
    environment: { ...findEnvironment(config, name), ...change },
    state: config.state,
    sources: environmentSources(),
  });
  return { stack, json: synth(stack) };
}

describe('EnvironmentStack', () => {
  const dev = environmentStack('dev');
  const prod = environmentStack('prod');

  it('is named after the project and the environment', () => {
    expect([dev.stack.node.id, prod.stack.node.id]).toEqual(['order-agent-dev', 'order-agent-prod']);
  });

  it("locks the provider to the environment's account and region, and tags everything", () => {
    expect(JSON.stringify(prod.json)).toHaveProviderWithProperties(AwsProvider, {
      region: 'us-east-1',
      allowed_account_ids: ['222222222222'],
      default_tags: [
        {
          tags: {
            project: 'order-agent',
            environment: 'prod',
            owner: 'order-agent-team',
            'managed-by': 'cdktf',
          },
        },
      ],
    });
  });

  it('keeps its state in the state bucket, encrypted, with S3-native locking', () => {
    expect((dev.json.terraform as { backend: unknown }).backend).toEqual({
      s3: {
        bucket: config.state.bucketName,
        key: 'order-agent-dev/terraform.tfstate',
        region: config.state.region,
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  it('has exactly the outputs the order-agent CLI reads', () => {
    expect(Object.keys(dev.json.output as object).sort()).toEqual([...ENVIRONMENT_OUTPUTS].sort());
    expect((dev.json.output as Record<string, unknown>).region).toEqual({ value: 'us-east-1' });
  });

  it("sends the repository's schema file, unchanged, as the action group's payload", () => {
    const payload = String(
      first(onlyResource(dev.json, 'aws_bedrockagent_agent_action_group').api_schema).payload,
    );
    expect(JSON.parse(payload)).toEqual(JSON.parse(schemaText));
  });

  it('takes model, retention, deletion protection and Lambda sizing from the environment', () => {
    const env = findEnvironment(config, 'prod');
    expect(onlyResource(prod.json, 'aws_bedrockagent_agent').foundation_model).toBe(env.modelId);
    const functionLogGroups = Object.values(resources(prod.json, 'aws_cloudwatch_log_group')).filter(
      (group) => String(group.name).startsWith('/aws/lambda/'),
    );
    expect(functionLogGroups).toHaveLength(3);
    for (const logGroup of functionLogGroups) expect(logGroup.retention_in_days).toBe(env.logRetentionDays);
    expect(onlyResource(prod.json, 'aws_dynamodb_table').deletion_protection_enabled).toBe(true);
    expect(onlyResource(dev.json, 'aws_dynamodb_table').deletion_protection_enabled).toBe(false);
    const functions = Object.values(resources(prod.json, 'aws_lambda_function'));
    expect(functions.find((fn) => fn.function_name === 'order-agent-prod-order-actions')).toMatchObject({
      memory_size: env.lambdaMemoryMb,
      timeout: env.lambdaTimeoutSeconds,
    });
  });

  it('outputs the knowledge base and data source ids the `kb sync` command reads', () => {
    expect(dev.json.output).toMatchObject({
      knowledge_base_id: { value: ref('aws_bedrockagent_knowledge_base.knowledge_base.id') },
      data_source_id: {
        value: ref('aws_bedrockagent_data_source.knowledge_base_data_source.data_source_id'),
      },
    });
  });

  it('outputs the guardrail id and the published version the `guardrail check` command applies', () => {
    expect(dev.json.output).toMatchObject({
      guardrail_id: { value: ref('aws_bedrock_guardrail.guardrail.guardrail_id') },
      guardrail_version: {
        value: expect.stringMatching(/^\$\{aws_bedrock_guardrail_version\.\w+\.version\}$/),
      },
    });
  });

  it('creates the knowledge base only after the index step has run', () => {
    const invocations = resources(dev.json, 'aws_lambda_invocation');
    const indexStep = Object.keys(invocations).find((id) =>
      String(invocations[id]?.input).includes('collectionEndpoint'),
    );
    expect(indexStep).toBeDefined();
    expect(onlyResource(dev.json, 'aws_bedrockagent_knowledge_base').depends_on).toContain(
      `aws_lambda_invocation.${indexStep}`,
    );
  });

  it('keeps the vectors when the data source is deleted (RETAIN)', () => {
    expect(onlyResource(prod.json, 'aws_bedrockagent_data_source').data_deletion_policy).toBe('RETAIN');
  });

  it('lets the agent Retrieve from exactly its knowledge base, and nothing else of Bedrock knowledge bases', () => {
    const granted = resolved(dev.stack, dev.stack.agent.role.grantedStatements);
    const knowledgeBaseActions = granted.filter((statement) =>
      asList(statement.Action).some((action) => /^bedrock:(Retrieve|RetrieveAndGenerate)/.test(action)),
    );
    expect(knowledgeBaseActions).toEqual([
      {
        Sid: 'RetrieveFromKnowledgeBase',
        Effect: 'Allow',
        Action: ['bedrock:Retrieve'],
        Resource: [ref('aws_bedrockagent_knowledge_base.knowledge_base.arn')],
      },
    ]);
  });

  it('runs the collection without standby replicas in dev and with them in prod', () => {
    expect(onlyResource(dev.json, 'aws_opensearchserverless_collection').standby_replicas).toBe('DISABLED');
    expect(onlyResource(prod.json, 'aws_opensearchserverless_collection').standby_replicas).toBe('ENABLED');
  });

  it('associates the knowledge base after the action group and before the alias', () => {
    const association = onlyResource(dev.json, 'aws_bedrockagent_agent_knowledge_base_association');
    expect(association.depends_on).toEqual([
      expect.stringMatching(/^aws_bedrockagent_agent_action_group\.OrderManagement_/),
    ]);
    expect(onlyResource(dev.json, 'aws_bedrockagent_agent_alias').depends_on).toEqual([
      expect.stringMatching(/^aws_bedrockagent_agent_knowledge_base_association\./),
    ]);
  });

  it("uploads the repository's documents and syncs when their hash changes", () => {
    expect(Object.values(resources(dev.json, 'aws_s3_object')).map((object) => object.key)).toEqual([
      'documents/product-catalog.md',
      'documents/return-policy.md',
      'documents/shipping-and-delivery-faq.md',
    ]);
    const invocations = Object.values(resources(dev.json, 'aws_lambda_invocation'));
    expect(invocations.map((invocation) => invocation.triggers).filter(Boolean)).toEqual([
      { documents: dev.stack.knowledgeBase.documents.documentsHash },
    ]);
  });

  it('uses no data source (nothing that would need AWS at plan time)', () => {
    expect(dev.json.data).toBeUndefined();
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(dev.stack)).toEqual([]);
    expect(errorAnnotations(prod.stack)).toEqual([]);
  });

  it('logs model invocations where the environment opts in (prod), to its own encrypted group', () => {
    expect(onlyResource(prod.json, 'aws_bedrock_model_invocation_logging_configuration')).toBeDefined();
    const group = Object.values(resources(prod.json, 'aws_cloudwatch_log_group')).find(
      (logGroup) => logGroup.name === '/order-agent-prod/bedrock-model-invocations',
    );
    expect(group).toMatchObject({
      retention_in_days: findEnvironment(config, 'prod').modelInvocationLogging.retentionDays,
      kms_key_id: ref('aws_kms_key.model_invocation_logging_key.arn'),
    });
  });

  it('leaves model invocation logging alone where the environment does not opt in (dev)', () => {
    expect(resources(dev.json, 'aws_bedrock_model_invocation_logging_configuration')).toEqual({});
  });

  it('sends alarms to the topic only, with no chat notifications, unless told otherwise', () => {
    expect(resources(prod.json, 'aws_notifications_notification_configuration')).toEqual({});
    const topics = Object.values(resources(prod.json, 'aws_cloudwatch_metric_alarm')).map(
      (alarm) => alarm.alarm_actions,
    );
    expect(topics).toEqual(Array(3).fill([ref('aws_sns_topic.alarm_topic.arn')]));
  });

  it('sends alarms to existing topics and chat channels from the configuration', () => {
    const pager = 'arn:aws:sns:us-east-1:111111111111:ops-pager';
    const chat = 'arn:aws:chatbot::111111111111:chat-configuration/slack-channel/order-agent';
    const { stack, json } = environmentStack('dev', {
      alarms: {
        ...findEnvironment(config, 'dev').alarms,
        snsTopicArns: [pager],
        chatConfigurationArns: [chat],
      },
    });
    for (const alarm of Object.values(resources(json, 'aws_cloudwatch_metric_alarm'))) {
      expect(alarm.alarm_actions).toEqual([ref('aws_sns_topic.alarm_topic.arn'), pager]);
    }
    expect(onlyResource(json, 'aws_notifications_channel_association').arn).toBe(chat);
    expect(JSON.parse(String(onlyResource(json, 'aws_notifications_event_rule').event_pattern))).toEqual({
      detail: { alarmName: [{ prefix: 'order-agent-dev-' }] },
    });
    expect(errorAnnotations(stack)).toEqual([]);
  });
});
