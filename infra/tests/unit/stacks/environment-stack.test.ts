import { readFileSync } from 'node:fs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { findEnvironment, loadInfraConfig } from '../../../src/config/load-config';
import { AGENT_INSTRUCTION_FILE, DEFAULT_CONFIG_FILE, ORDER_API_SCHEMA_FILE } from '../../../src/paths';
import { ENVIRONMENT_OUTPUTS, EnvironmentStack } from '../../../src/stacks/environment-stack';
import { errorAnnotations, FIXTURE_BUNDLE_DIR, first, onlyResource, synth, testApp } from '../../helpers';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
const schemaText = readFileSync(ORDER_API_SCHEMA_FILE, 'utf8');

function environmentStack(name: string) {
  const stack = new EnvironmentStack(testApp(), {
    project: config.project,
    environment: findEnvironment(config, name),
    state: config.state,
    sources: {
      instruction: readFileSync(AGENT_INSTRUCTION_FILE, 'utf8'),
      apiSchema: schemaText,
      bundleDir: FIXTURE_BUNDLE_DIR,
    },
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
    expect(onlyResource(prod.json, 'aws_cloudwatch_log_group').retention_in_days).toBe(env.logRetentionDays);
    expect(onlyResource(prod.json, 'aws_dynamodb_table').deletion_protection_enabled).toBe(true);
    expect(onlyResource(dev.json, 'aws_dynamodb_table').deletion_protection_enabled).toBe(false);
    expect(onlyResource(prod.json, 'aws_lambda_function')).toMatchObject({
      memory_size: env.lambdaMemoryMb,
      timeout: env.lambdaTimeoutSeconds,
    });
  });

  it('uses no data source (nothing that would need AWS at plan time)', () => {
    expect(dev.json.data).toBeUndefined();
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(dev.stack)).toEqual([]);
    expect(errorAnnotations(prod.stack)).toEqual([]);
  });
});
