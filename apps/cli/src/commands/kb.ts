import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { resolveDeployTarget, type TargetId } from '../config/deploy-target';
import { IngestionSync } from '../knowledge-base/ingestion-sync';
import { sdkClientConfig } from '../network/aws-settings';
import { EndpointGuard } from '../network/endpoint-guard';
import type { CliIo, Command } from '../types';
import { KB_HELP, parseKbSyncArgs } from './kb-sync-options';

const SYNC_IDS: readonly TargetId<'knowledgeBaseId' | 'dataSourceId'>[] = [
  {
    output: 'knowledgeBaseId',
    label: 'knowledge base id',
    flag: 'knowledge-base-id',
    env: 'ORDER_AGENT_KNOWLEDGE_BASE_ID',
  },
  {
    output: 'dataSourceId',
    label: 'data source id',
    flag: 'data-source-id',
    env: 'ORDER_AGENT_DATA_SOURCE_ID',
  },
];

/** `order-agent kb sync`: parse (kb-sync-options), find the data source (deploy-target), follow the job. */
export const kbCommand: Command = {
  name: 'kb',
  summary: 'Knowledge base: sync the documents (start an ingestion job and follow it)',
  help: KB_HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const request = parseKbSyncArgs(argv, io.env);
    if (request.help) {
      io.stdout.write(`${KB_HELP}\n`);
      return 0;
    }
    const target = resolveDeployTarget(
      SYNC_IDS,
      {
        ids: request.ids,
        ...(request.env !== undefined ? { env: request.env } : {}),
        ...(request.region !== undefined ? { region: request.region } : {}),
      },
      io,
    );
    const client = new BedrockAgentClient(sdkClientConfig(request.aws, target.region));
    EndpointGuard.install(client, request.aws.timeouts, { limitResponses: true });
    try {
      return await new IngestionSync(client, target, io, request.sync).run();
    } finally {
      client.destroy();
    }
  },
};
