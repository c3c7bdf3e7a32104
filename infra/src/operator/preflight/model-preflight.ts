import {
  BedrockClient,
  type BedrockClientConfig,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
} from '@aws-sdk/client-bedrock';
import { findEnvironment } from '../../config/load-config';
import { MODEL_LIFECYCLE_PAGE } from '../../config/model-lifecycle';
import { parseModelId } from '../../config/rules';
import type { InfraConfig } from '../../config/types';
import { ModelLifecycleError } from '../../errors';
import type { StackTarget } from '../stack-target';

export interface ModelPreflightOptions {
  readonly config: InfraConfig;
  readonly target: StackTarget;
  /** One line per model checked. */
  readonly print: (line: string) => void;
  /** Where AWS_ENDPOINT_URL_BEDROCK / AWS_ENDPOINT_URL are read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Inference profile id -> the regions the agent role may call its model in (config/model-lifecycle.json): a
   * profile that routes anywhere else would fail there with AccessDenied, so it stops the plan.
   * @default no comparison
   */
  readonly profileRegions?: Readonly<Record<string, readonly string[]>>;
  /** @default the SDK's default credential chain */
  readonly credentials?: BedrockClientConfig['credentials'];
}

/**
 * Before a plan or apply: each configured chat and embedding model is ACTIVE in the environment's region
 * (Bedrock GetFoundationModel), and a chat model's inference profile is ACTIVE (GetInferenceProfile). Prints one
 * line per model; throws one line naming the model, its state and where to pick a replacement. The bootstrap
 * stack uses no model.
 */
export async function preflightModels(options: ModelPreflightOptions): Promise<void> {
  if (options.target.environment === 'state') return;
  const environment = findEnvironment(options.config, options.target.environment);
  const env = options.env ?? process.env;
  const endpoint = env.AWS_ENDPOINT_URL_BEDROCK || env.AWS_ENDPOINT_URL;
  const client = new BedrockClient({
    region: environment.region,
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    maxAttempts: 2,
  });
  const where = `${environment.name} in ${environment.region}`;
  try {
    for (const [role, id] of [
      ['chat model', environment.modelId],
      ['embedding model', environment.knowledgeBase.embeddingModelId],
    ] as const) {
      const { inferenceProfileId, foundationModelId } = parseModelId(id);
      const state = await ask(where, `${role} ${foundationModelId}`, async () => {
        const answer = await client.send(
          new GetFoundationModelCommand({ modelIdentifier: foundationModelId }),
        );
        return answer.modelDetails?.modelLifecycle?.status ?? 'UNKNOWN';
      });
      refuseUnless(state, `${where}: ${role} ${foundationModelId} is ${state}`);
      let profile = '';
      if (inferenceProfileId !== undefined) {
        const answer = await ask(where, `inference profile ${inferenceProfileId}`, () =>
          client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: inferenceProfileId })),
        );
        const status = answer.status ?? 'UNKNOWN';
        refuseUnless(status, `${where}: inference profile ${inferenceProfileId} is ${status}`);
        const regions = (answer.models ?? []).flatMap(({ modelArn }) => modelArn?.split(':')[3] ?? []);
        const granted = options.profileRegions?.[inferenceProfileId];
        const missing = granted === undefined ? [] : regions.filter((region) => !granted.includes(region));
        if (missing.length > 0) {
          throw new ModelLifecycleError(
            `${where}: inference profile ${inferenceProfileId} routes to ${missing.join(', ')}, where the agent ` +
              `role may not call the model; add the region to infra/config/model-lifecycle.json`,
          );
        }
        profile = ` through inference profile ${inferenceProfileId} (ACTIVE, routes to ${regions.join(', ')})`;
      }
      options.print(`preflight: ${where}: ${role} ${foundationModelId} is ACTIVE${profile}`);
    }
  } finally {
    client.destroy();
  }
}

function refuseUnless(state: string, line: string): void {
  if (state === 'ACTIVE') return;
  throw new ModelLifecycleError(
    `${line}; pick an ACTIVE replacement (${MODEL_LIFECYCLE_PAGE}), set it in infra/config/environments.json ` +
      'and record it in infra/config/model-lifecycle.json',
  );
}

async function ask<T>(where: string, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { name, message } = error as Error;
    const line = String(message).split('\n')[0];
    if (name === 'ResourceNotFoundException' || name === 'ValidationException') {
      throw new ModelLifecycleError(
        `${where}: ${what} is not available (${name}: ${line}); pick an ACTIVE replacement (${MODEL_LIFECYCLE_PAGE})`,
        { cause: error },
      );
    }
    throw new ModelLifecycleError(`${where}: cannot check ${what} (${name}: ${line})`, { cause: error });
  }
}
