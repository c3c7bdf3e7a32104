import { readFileSync } from 'node:fs';
import { inferenceProfileRegions, readModelLifecycleTable } from '../../src/config/model-lifecycle';
import {
  AGENT_INSTRUCTION_FILE,
  KB_DOCUMENTS_DIR,
  MODEL_LIFECYCLE_FILE,
  ORDER_API_SCHEMA_FILE,
} from '../../src/paths';
import type { AgentSources } from '../../src/stacks/environment-stack';
import { FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../helpers';

/** The inputs buildApp reads for an environment stack, with the stand-in Lambda bundles. */
export function environmentSources(): AgentSources {
  return {
    instruction: readFileSync(AGENT_INSTRUCTION_FILE, 'utf8'),
    apiSchema: readFileSync(ORDER_API_SCHEMA_FILE, 'utf8'),
    bundleDir: FIXTURE_BUNDLE_DIR,
    kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
    documentsDir: KB_DOCUMENTS_DIR,
    inferenceProfileRegions: inferenceProfileRegions(readModelLifecycleTable(MODEL_LIFECYCLE_FILE)),
  };
}
