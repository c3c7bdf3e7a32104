import { readFileSync } from 'node:fs';
import { ModelLifecycleError } from '../errors';
import { parseModelId } from './rules';
import type { InfraConfig } from './types';

/** One model's lifecycle, as its Bedrock model card gave it on the day it was read. */
export interface ModelLifecycleEntry {
  readonly name: string;
  readonly lifecycle: 'ACTIVE' | 'LEGACY' | 'EOL';
  /** ISO date the model stops answering; null while the card sets none. */
  readonly endOfLife: string | null;
  readonly modelCard: string;
  /** ISO date the card was read. */
  readonly read: string;
}

/** infra/config/model-lifecycle.json: models by foundation-model id, inference profiles by profile id. */
export interface ModelLifecycleTable {
  readonly models: Readonly<Record<string, ModelLifecycleEntry>>;
  readonly inferenceProfiles: Readonly<
    Record<string, { readonly regions: readonly string[]; readonly source: string; readonly read: string }>
  >;
}

/** Where to look for an ACTIVE replacement. */
export const MODEL_LIFECYCLE_PAGE =
  'https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html';
/** A model this close to its end of life makes the synth warn. */
export const EOL_WARNING_DAYS = 90;
export function readModelLifecycleTable(file: string): ModelLifecycleTable {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ModelLifecycleTable;
  } catch (error) {
    throw new ModelLifecycleError(
      `cannot read the model lifecycle table ${file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** Inference profile id -> the regions it routes to, as the agent's grant needs them. */
export function inferenceProfileRegions(table: ModelLifecycleTable): Record<string, readonly string[]> {
  return Object.fromEntries(
    Object.entries(table.inferenceProfiles).map(([id, profile]) => [id, profile.regions]),
  );
}

/**
 * Every configured chat and embedding model against the table at `today`: errors for a model past its end of
 * life, missing from the table, or an inference profile whose regions are not listed; warnings within
 * EOL_WARNING_DAYS of the end of life.
 */
export function checkConfiguredModels(
  config: InfraConfig,
  table: ModelLifecycleTable,
  today: Date,
): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const environment of config.environments) {
    const uses = [
      { role: 'chat model', id: environment.modelId },
      { role: 'embedding model', id: environment.knowledgeBase.embeddingModelId },
    ];
    for (const { role, id } of uses) {
      const what = `${environment.name} ${role} ${id}`;
      const { inferenceProfileId, foundationModelId } = parseModelId(id);
      const entry = table.models[foundationModelId];
      if (entry === undefined) {
        errors.push(`${what} is not in the model lifecycle table: add it from its Bedrock model card`);
        continue;
      }
      if (inferenceProfileId !== undefined && table.inferenceProfiles[inferenceProfileId] === undefined) {
        errors.push(`${what}: list the inference profile's destination regions in the model lifecycle table`);
      }
      const daysLeft =
        entry.endOfLife === null
          ? Number.POSITIVE_INFINITY
          : (Date.parse(entry.endOfLife) - today.getTime()) / 86_400_000;
      if (entry.lifecycle === 'EOL' || daysLeft <= 0) {
        errors.push(
          `${what} (${entry.name}) reached end of life on ${entry.endOfLife} (${entry.modelCard}, read ${entry.read}); ` +
            `pick an ACTIVE model (${MODEL_LIFECYCLE_PAGE})`,
        );
      } else if (daysLeft <= EOL_WARNING_DAYS) {
        warnings.push(
          `${what} (${entry.name}) reaches end of life on ${entry.endOfLife}, in ${Math.ceil(daysLeft)} days: ` +
            `plan its replacement (${MODEL_LIFECYCLE_PAGE})`,
        );
      }
    }
  }
  return { errors, warnings };
}
