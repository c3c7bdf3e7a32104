import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { OfflinePlanError } from '../../src/errors';
import { planOffline, type StackPlan } from '../../src/operator/terraform/offline-plan';
import { terraformVersion } from '../../src/operator/terraform/require-terraform';
import { terraformBinary } from '../../src/operator/terraform/terraform-env';
import { readSynthesizedStack } from '../../src/operator/terraform/working-copy';
import { ORDER_API_SCHEMA_FILE } from '../../src/paths';
import { FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../helpers';
import { configAfter } from '../support/config-doc';

// The real provider (hashicorp/aws 5.100.0, from TF_PLUGIN_MIRROR or /opt/tf-plugins) validates and plans
// every stack, with no AWS account. CI has terraform, so there a missing binary fails the run.
const version = terraformVersion();
if (version === undefined && process.env.CI) {
  throw new Error(
    `CI is set but ${terraformBinary()} was not found: the offline plan cannot be skipped in CI`,
  );
}
if (version === undefined) {
  console.warn(
    `\n*** ${terraformBinary()} not found: the offline validate/plan of every stack is SKIPPED. ***\n` +
      '*** Install Terraform >= 1.10 (or set TERRAFORM_BINARY_NAME) to run it. ***\n',
  );
}
const withTerraform = version === undefined ? describe.skip : describe;

// dev is switched to mode assume-role (provider and backend roles) so that both modes are planned: the
// offline copy must drop the roles, or the provider calls STS before planning.
const ASSUMED_ROLE = 'arn:aws:iam::111111111111:role/order-agent-operator';
const STATE_ROLE = 'arn:aws:iam::333333333333:role/order-agent-dev-state';

withTerraform('offline plan of every stack', () => {
  const synthDir = mkdtempSync(join(tmpdir(), 'infra-offline-plan-'));
  let plans: StackPlan[];

  beforeAll(async () => {
    buildApp({
      config: configAfter((doc) => {
        Object.assign(doc.environments.dev.access, {
          mode: 'assume-role',
          assumeRoleArn: ASSUMED_ROLE,
          stateRoleArn: STATE_ROLE,
        });
      }),
      outdir: synthDir,
      bundleDir: FIXTURE_BUNDLE_DIR,
      kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
    }).synth();
    plans = await planOffline({ synthDir });
  }, 300_000);
  afterAll(() => rmSync(synthDir, { recursive: true, force: true }));

  it('validates and plans the bootstrap stack, both environments and their deploy-access stacks, creating everything and deleting nothing', () => {
    expect(plans.map((plan) => plan.stack).sort()).toEqual([
      'order-agent-dev',
      'order-agent-dev-deploy-access',
      'order-agent-prod',
      'order-agent-prod-deploy-access',
      'order-agent-state',
    ]);
    for (const plan of plans) {
      expect(plan.counts.create).toBeGreaterThan(0);
      expect(plan.counts).toMatchObject({ update: 0, replace: 0, delete: 0 });
    }
  });

  it('plans dev, synthesized in mode assume-role, offline; its synthesized configuration keeps the roles', () => {
    expect(plans.find((entry) => entry.stack === 'order-agent-dev')?.counts.create).toBeGreaterThan(0);
    const synthesized = readSynthesizedStack(synthDir, 'order-agent-dev') as {
      provider: { aws: Array<{ assume_role?: Array<{ role_arn: string }> }> };
      terraform: { backend: { s3: { assume_role?: { role_arn: string } } } };
    };
    expect(synthesized.provider.aws[0]?.assume_role?.[0]?.role_arn).toBe(ASSUMED_ROLE);
    expect(synthesized.terraform.backend.s3.assume_role?.role_arn).toBe(STATE_ROLE);
  });

  it("plans the schema file, unchanged, as the action group's payload", () => {
    const plan = JSON.parse(
      readFileSync(plans.find((entry) => entry.stack === 'order-agent-dev')!.planJsonFile, 'utf8'),
    );
    const actionGroup = plan.resource_changes.find(
      (change: { type: string }) => change.type === 'aws_bedrockagent_agent_action_group',
    );
    const payload = actionGroup.change.after.api_schema[0].payload;
    expect(JSON.parse(payload)).toEqual(JSON.parse(readFileSync(ORDER_API_SCHEMA_FILE, 'utf8')));
  });

  it('plans the agent after its role policy, then the action group, the knowledge base association, the alias', () => {
    const plan = JSON.parse(
      readFileSync(plans.find((entry) => entry.stack === 'order-agent-prod')!.planJsonFile, 'utf8'),
    );
    const resources = plan.configuration.root_module.resources as Array<{
      type: string;
      depends_on?: string[];
    }>;
    const agent = resources.find((resource) => resource.type === 'aws_bedrockagent_agent')!;
    const alias = resources.find((resource) => resource.type === 'aws_bedrockagent_agent_alias')!;
    const association = resources.find(
      (resource) => resource.type === 'aws_bedrockagent_agent_knowledge_base_association',
    )!;
    expect(agent.depends_on?.[0]).toMatch(/^aws_iam_role_policy\.OrderAgent/);
    // Each prepare step waits for the previous one: the action group's, then the association's.
    expect(association.depends_on?.[0]).toMatch(/^aws_bedrockagent_agent_action_group\./);
    expect(alias.depends_on?.[0]).toMatch(/^aws_bedrockagent_agent_knowledge_base_association\./);
  });

  it('plans the knowledge base after its index step, a RETAIN data source and one object per document', () => {
    const plan = JSON.parse(
      readFileSync(plans.find((entry) => entry.stack === 'order-agent-dev')!.planJsonFile, 'utf8'),
    );
    const configured = plan.configuration.root_module.resources as Array<{
      type: string;
      depends_on?: string[];
    }>;
    const knowledgeBase = configured.find((resource) => resource.type === 'aws_bedrockagent_knowledge_base')!;
    expect(knowledgeBase.depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws_lambda_invocation\.KnowledgeBase_KnowledgeBaseIndexStep_/),
      ]),
    );
    const after = (type: string) =>
      (plan.resource_changes as Array<{ type: string; change: { after: Record<string, unknown> } }>)
        .filter((change) => change.type === type)
        .map((change) => change.change.after);
    expect(after('aws_bedrockagent_data_source')).toEqual([
      expect.objectContaining({ data_deletion_policy: 'RETAIN' }),
    ]);
    expect(after('aws_s3_object').map((object) => [object.key, String(object.source_hash).length])).toEqual([
      ['documents/product-catalog.md', 32],
      ['documents/return-policy.md', 32],
      ['documents/shipping-and-delivery-faq.md', 32],
    ]);
  });

  it('plans each deploy-access stack: the GitHub OIDC provider, the plan and apply roles and their policies', () => {
    for (const stack of ['order-agent-dev-deploy-access', 'order-agent-prod-deploy-access']) {
      const plan = JSON.parse(
        readFileSync(plans.find((entry) => entry.stack === stack)!.planJsonFile, 'utf8'),
      );
      const types = (plan.resource_changes as Array<{ type: string }>).map((change) => change.type).sort();
      expect(types).toEqual([
        'aws_iam_openid_connect_provider',
        'aws_iam_role',
        'aws_iam_role',
        'aws_iam_role_policy',
        'aws_iam_role_policy',
        'aws_iam_role_policy',
        'aws_iam_role_policy',
      ]);
    }
  });

  it('names an unknown stack clearly', async () => {
    await expect(planOffline({ synthDir, stacks: ['order-agent-qa'] })).rejects.toThrow(OfflinePlanError);
  });
});
