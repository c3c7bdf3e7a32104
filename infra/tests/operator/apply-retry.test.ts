import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformCommandError } from '../../src/errors';
import { applySavedPlan } from '../../src/operator/apply-saved-plan';
import { makeSavedPlan } from '../../src/operator/make-saved-plan';
import { synthHash } from '../../src/operator/synth-hash';
import { writeSynthFixture } from '../support/synth-fixture';

const AGENT = 'aws_bedrockagent_agent.order_agent';
const ROLE_POLICY = 'aws_iam_role_policy.agent_role';
const PROPAGATION_ERROR =
  'Error: creating Bedrock Agent (order-agent-dev): operation error Bedrock Agent: CreateAgent, ' +
  'ValidationException: Ensure Agent role has valid permissions to use the inference profile';

/**
 * A stand-in terraform for the one behaviour a real provider cannot show offline: CreateAgent failing once while
 * IAM propagates. Plans are files holding their `show -json`; the first apply fails as the provider does.
 */
const FAKE_TERRAFORM = `#!/bin/sh
log="$FAKE_DIR/calls.log"
echo "$*" >> "$log"
last=""; for arg in "$@"; do last="$arg"; done
case "$1" in
  version) echo '{"terraform_version":"1.11.4","provider_selections":{"registry.terraform.io/hashicorp/aws":"5.100.0"}}' ;;
  init) mkdir -p .terraform ;;
  plan)
    for arg in "$@"; do case "$arg" in -out=*) out="\${arg#-out=}" ;; esac; done
    if [ -f "$FAKE_DIR/applied-once" ]; then cp "$FAKE_DIR/remainder.json" "$out"; else cp "$FAKE_DIR/reviewed.json" "$out"; fi
    echo "Plan: changes" ;;
  show) cat "$last" ;;
  apply)
    if [ ! -f "$FAKE_DIR/applied-once" ]; then
      touch "$FAKE_DIR/applied-once"
      echo "$FAKE_ERROR" >&2
      exit 1
    fi
    echo "Apply complete!" ;;
  output) echo '{}' ;;
esac
`;

const planJson = (...addresses: string[]) =>
  JSON.stringify({
    resource_changes: addresses.map((address) => ({ address, change: { actions: ['create'] } })),
  });

describe('apply: the IAM-propagation race at CreateAgent (stand-in terraform)', () => {
  let root: string;
  let synthDir: string;
  let env: NodeJS.ProcessEnv;
  let printed: string[];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'infra-apply-retry-'));
    synthDir = join(root, 'cdktf.out');
    writeSynthFixture(synthDir, 'demo', {});
    const binary = join(root, 'terraform');
    writeFileSync(binary, FAKE_TERRAFORM);
    chmodSync(binary, 0o755);
    writeFileSync(join(root, 'reviewed.json'), planJson(ROLE_POLICY, AGENT));
    writeFileSync(join(root, 'remainder.json'), planJson(AGENT));
    env = {
      PATH: process.env.PATH,
      TERRAFORM_BINARY_NAME: binary,
      FAKE_DIR: root,
      FAKE_ERROR: PROPAGATION_ERROR,
    };
    printed = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const planAndApply = async () => {
    const { files } = await makeSavedPlan({
      synthDir,
      stack: 'demo',
      account: '111111111111',
      region: 'us-east-1',
      env,
      allowDestroy: [],
      print: (text) => printed.push(text),
    });
    return applySavedPlan({
      planFile: files.plan,
      synthDir,
      currentSynthHash: synthHash(synthDir, 'demo'),
      currentAccount: '111111111111',
      env,
      confirm: async () => true,
      print: (text) => printed.push(text),
      planCommand: 'npm run plan -- demo',
    });
  };
  const calls = () => readFileSync(join(root, 'calls.log'), 'utf8').trim().split('\n');

  it('says so, plans what is left and applies it once more', async () => {
    await expect(planAndApply()).resolves.toBe('applied');
    expect(printed.join('\n')).toContain(
      'demo: CreateAgent refused the agent role while its inference-profile permissions propagate (a known first-apply race)',
    );
    const applies = calls().filter((call) => call.startsWith('apply'));
    expect(applies).toHaveLength(2);
    expect(applies[1]).toMatch(/demo\.tfplan\.retry$/);
  });

  it('does not retry when what is left goes beyond the reviewed plan', async () => {
    writeFileSync(join(root, 'remainder.json'), planJson(AGENT, 'aws_s3_bucket.surprise'));
    await expect(planAndApply()).rejects.toThrow(
      /^not retrying: what is left to apply also changes aws_s3_bucket.surprise, which the reviewed plan did not/,
    );
    expect(calls().filter((call) => call.startsWith('apply'))).toHaveLength(1);
  });

  it('does not retry when a reviewed change comes back as another action (a create turned replace)', async () => {
    writeFileSync(
      join(root, 'remainder.json'),
      JSON.stringify({ resource_changes: [{ address: AGENT, change: { actions: ['delete', 'create'] } }] }),
    );
    await expect(planAndApply()).rejects.toThrow(
      `not retrying: what is left to apply also changes ${AGENT} (delete,create, reviewed as create), which the reviewed plan did not`,
    );
    expect(calls().filter((call) => call.startsWith('apply'))).toHaveLength(1);
  });

  it('retries no other failure, and names its cause in one line', async () => {
    env.FAKE_ERROR =
      'Error: creating IAM Role (agent): AccessDenied: not authorized to perform iam:CreateRole';
    const error = await planAndApply().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(TerraformCommandError);
    expect((error as Error).message).toBe(
      'demo: terraform apply failed: Error: creating IAM Role (agent): AccessDenied: not authorized to perform iam:CreateRole',
    );
    expect(calls().filter((call) => call.startsWith('apply'))).toHaveLength(1);
  });
});
