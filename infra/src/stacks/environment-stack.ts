import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { EnvironmentConfig, StateConfig } from '../config/types';
import {
  AgentAlias,
  AlarmChatNotifications,
  AlarmTopic,
  ModelInvocationLogging,
  OperationalAlarms,
  OrderActionGroup,
  OrderActionsFunction,
  OrderAgent,
  OrderGuardrail,
  OrdersTable,
} from '../constructs';
import { type KnowledgeBaseAssociation, ProductKnowledgeBase } from '../constructs/knowledge-base';
import { environmentStackName } from './names';
import { PolicyCheckedStack } from './policy-checked-stack';

/** The inputs read from files; the stack itself does no I/O beyond the assets (Lambda bundles, documents). */
export interface AgentSources {
  /** The agent instruction text (infra/agent/instruction.md). */
  readonly instruction: string;
  /** The OpenAPI schema text (schemas/order-management-api.json). */
  readonly apiSchema: string;
  /** The order-actions bundle directory (apps/order-actions/dist). */
  readonly bundleDir: string;
  /** The kb-index bundle directory (apps/kb-apply-steps/dist): the vector index step and the ingestion trigger. */
  readonly kbIndexBundleDir: string;
  /** The knowledge base documents (knowledge-base/documents), uploaded one object per file. */
  readonly documentsDir: string;
  /** Inference profile id -> the regions it routes to (infra/config/model-lifecycle.json). */
  readonly inferenceProfileRegions: Readonly<Record<string, readonly string[]>>;
}

export interface EnvironmentStackProps {
  readonly project: string;
  readonly environment: EnvironmentConfig;
  readonly state: StateConfig;
  readonly sources: AgentSources;
}

/** Output ids the deploy outputs file carries; the order-agent CLI reads them. */
export const ENVIRONMENT_OUTPUTS = [
  'agent_id',
  'agent_alias_id',
  'action_group_id',
  'function_name',
  'table_name',
  'knowledge_base_id',
  'data_source_id',
  'guardrail_id',
  'guardrail_version',
  'region',
] as const;

/**
 * One environment: the orders table and Lambda, the guardrail, agent, action group, knowledge base and alias,
 * alarms (to e-mail, existing topics, chat), and Bedrock model invocation logging where the environment opts in.
 */
export class EnvironmentStack extends PolicyCheckedStack {
  public readonly table: OrdersTable;
  public readonly orderActions: OrderActionsFunction;
  public readonly guardrail: OrderGuardrail;
  public readonly agent: OrderAgent;
  public readonly actionGroup: OrderActionGroup;
  public readonly knowledgeBase: ProductKnowledgeBase;
  public readonly knowledgeBaseAssociation: KnowledgeBaseAssociation;
  public readonly alias: AgentAlias;
  public readonly alarmTopic: AlarmTopic;
  public readonly alarms: OperationalAlarms;
  /** Alarms sent to chat channels; only when the environment names chat configurations. */
  public readonly alarmChat?: AlarmChatNotifications;
  /** Only when the environment opts in (the setting is account-wide). */
  public readonly modelInvocationLogging?: ModelInvocationLogging;

  public constructor(scope: Construct, props: EnvironmentStackProps) {
    const { project, environment: env, state, sources } = props;
    super(scope, environmentStackName(project, env.name), {
      accountId: env.accountId,
      region: env.region,
      tags: { project, environment: env.name, owner: env.owner, 'managed-by': 'cdktf' },
      ...(env.access.assumeRoleArn === undefined ? {} : { assumeRoleArn: env.access.assumeRoleArn }),
    });
    this.useStateBucket({
      bucketName: state.bucketName,
      region: state.region,
      ...(env.access.stateRoleArn === undefined ? {} : { roleArn: env.access.stateRoleArn }),
    });
    const prefix = `${project}-${env.name}`;

    this.table = new OrdersTable(this, 'OrdersTable', {
      tableName: `${prefix}-orders`,
      deletionProtection: env.deletionProtection,
    });
    this.orderActions = new OrderActionsFunction(this, 'OrderActions', {
      functionName: `${prefix}-order-actions`,
      bundleDir: sources.bundleDir,
      table: this.table,
      logRetentionDays: env.logRetentionDays,
      memoryMb: env.lambdaMemoryMb,
      timeoutSeconds: env.lambdaTimeoutSeconds,
    });
    this.guardrail = new OrderGuardrail(this, 'Guardrail', { guardrailName: prefix });
    this.agent = new OrderAgent(this, 'OrderAgent', {
      agentName: prefix,
      modelId: env.modelId,
      ...(sources.inferenceProfileRegions[env.modelId] === undefined
        ? {}
        : { inferenceProfileRegions: sources.inferenceProfileRegions[env.modelId] }),
      instruction: sources.instruction,
      guardrail: this.guardrail,
      idleSessionTtlSeconds: env.idleSessionTtlSeconds,
    });
    this.actionGroup = new OrderActionGroup(this, 'OrderManagement', {
      agent: this.agent,
      executor: this.orderActions,
      apiSchema: sources.apiSchema,
    });
    // The knowledge base: documents, vector store, index step, knowledge base, data source, ingestion trigger.
    this.knowledgeBase = new ProductKnowledgeBase(this, 'KnowledgeBase', {
      namePrefix: prefix,
      documentsDir: sources.documentsDir,
      bundleDir: sources.kbIndexBundleDir,
      logRetentionDays: env.logRetentionDays,
      ...env.knowledgeBase,
    });
    this.knowledgeBase.grantRetrieve(this.agent.role);
    // A prepare step (the provider prepares the agent after associating): after the action groups, before the alias.
    this.knowledgeBaseAssociation = this.knowledgeBase.associateWith(this.agent);
    // Created after every prepare step (action groups, knowledge base association): it waits for the last one.
    this.alias = new AgentAlias(this, 'ProductionAlias', {
      agent: this.agent,
      versionTriggers: [this.actionGroup.fingerprint, this.knowledgeBaseAssociation.fingerprint],
    });

    this.alarmTopic = new AlarmTopic(this, 'AlarmTopic', {
      topicName: `${prefix}-alarms`,
      alarmNamePrefix: prefix,
      emails: env.alarms.emails,
    });
    this.alarms = new OperationalAlarms(this, 'Alarms', {
      alarmNamePrefix: prefix,
      topicArn: this.alarmTopic.topicArn,
      additionalTopicArns: env.alarms.snsTopicArns,
      functionName: this.orderActions.functionName,
      lambdaErrorsThreshold: env.alarms.lambdaErrorsThreshold,
      lambdaThrottlesThreshold: env.alarms.lambdaThrottlesThreshold,
      agentInvocationErrorsThreshold: env.alarms.agentInvocationErrorsThreshold,
      periodSeconds: env.alarms.periodSeconds,
      evaluationPeriods: env.alarms.evaluationPeriods,
    });
    if (env.alarms.chatConfigurationArns.length > 0) {
      this.alarmChat = new AlarmChatNotifications(this, 'AlarmChat', {
        configurationName: `${prefix}-alarms`,
        alarmNamePrefix: prefix,
        chatConfigurationArns: env.alarms.chatConfigurationArns,
      });
    }
    // Opt-in: Bedrock keeps one invocation logging configuration per account and region.
    if (env.modelInvocationLogging.enabled) {
      this.modelInvocationLogging = new ModelInvocationLogging(this, 'ModelInvocationLogging', {
        logGroupName: `/${prefix}/bedrock-model-invocations`,
        namePrefix: prefix,
        retentionDays: env.modelInvocationLogging.retentionDays,
      });
    }

    const outputs: Record<(typeof ENVIRONMENT_OUTPUTS)[number], string> = {
      agent_id: this.agent.agentId,
      agent_alias_id: this.alias.aliasId,
      action_group_id: this.actionGroup.actionGroupId,
      function_name: this.orderActions.functionName,
      table_name: this.table.tableName,
      knowledge_base_id: this.knowledgeBase.knowledgeBaseId,
      data_source_id: this.knowledgeBase.dataSourceId,
      guardrail_id: this.guardrail.guardrailId,
      guardrail_version: this.guardrail.versionNumber,
      region: env.region,
    };
    for (const [id, value] of Object.entries(outputs)) new TerraformOutput(this, id, { value });
  }
}
