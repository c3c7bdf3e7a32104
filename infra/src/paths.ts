import { join, resolve } from 'node:path';

// src/ (run by Jest) and dist/ (the compiled app) are both two levels below the repository root.
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const INFRA_DIR = join(REPO_ROOT, 'infra');

export const DEFAULT_CONFIG_FILE = join(INFRA_DIR, 'config', 'environments.json');
/** The checked-in Bedrock model lifecycle table every configured model is checked against at synth. */
export const MODEL_LIFECYCLE_FILE = join(INFRA_DIR, 'config', 'model-lifecycle.json');
export const AGENT_INSTRUCTION_FILE = join(INFRA_DIR, 'agent', 'instruction.md');
/** The order API schema, from the @order-agent/schemas workspace (a dependency, so turbo re-runs on its changes). */
export const ORDER_API_SCHEMA_FILE = require.resolve('@order-agent/schemas/order-management-api.json');
/** The order-actions esbuild bundle (index.js and its source map), built by `npm run build`. */
export const ORDER_ACTIONS_BUNDLE_DIR = join(REPO_ROOT, 'apps', 'order-actions', 'dist');
/** The kb-apply-steps esbuild bundle (the vector index step and the ingestion trigger), built by `npm run build`. */
export const KB_APPLY_STEPS_BUNDLE_DIR = join(REPO_ROOT, 'apps', 'kb-apply-steps', 'dist');
/** The knowledge base's source documents, uploaded one object per file. */
export const KB_DOCUMENTS_DIR = join(REPO_ROOT, 'knowledge-base', 'documents');
/** cdktf.json's `output`: the synthesized stacks land in <this>/stacks/<stack>. */
export const SYNTH_OUT_DIR = join(REPO_ROOT, 'cdktf.out');
/** The file `npm run apply` (and deploy) keeps the stack outputs in, for the order-agent CLI. */
export const DEPLOY_OUTPUTS_FILE = join(REPO_ROOT, 'deploy-outputs.json');
