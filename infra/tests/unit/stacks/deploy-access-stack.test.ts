import { findEnvironment, loadInfraConfig } from '../../../src/config/load-config';
import { GitHubDeployRoles } from '../../../src/constructs/github-deploy-roles';
import { ConstructPropsError } from '../../../src/errors';
import { asList, type PolicyStatement } from '../../../src/iam';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';
import { DeployAccessStack } from '../../../src/stacks/deploy-access-stack';
import {
  errorAnnotations,
  infoAnnotations,
  newStack,
  onlyResource,
  resolved,
  resources,
  statements,
  synth,
  testApp,
} from '../../helpers';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);

function deployAccess(name: string) {
  const stack = new DeployAccessStack(testApp(), {
    project: config.project,
    environment: findEnvironment(config, name),
    state: config.state,
    github: config.github,
  });
  const json = synth(stack);
  const policies = Object.fromEntries(
    Object.values(resources(json, 'aws_iam_role_policy')).map((policy) => [
      `${String(policy.role).match(/(plan|apply)-role/)![1]}:${policy.name}`,
      policy,
    ]),
  );
  return { stack, json, roles: stack.roles, policies };
}

const trustOf = (role: { assumeRolePolicyInput?: string }) => statements(role.assumeRolePolicyInput)[0]!;
const policyOf = (roles: GitHubDeployRoles, id: string): PolicyStatement[] =>
  statements((roles.node.findChild(id) as unknown as { policyInput: string }).policyInput);
const actionsOf = (list: PolicyStatement[]) =>
  list.filter((statement) => statement.Effect === 'Allow').flatMap((statement) => asList(statement.Action));

describe('DeployAccessStack', () => {
  const dev = deployAccess('dev');
  const prod = deployAccess('prod');

  it("is named after the environment, in the environment's account, with its state in a local file", () => {
    expect(dev.stack.node.id).toBe('order-agent-dev-deploy-access');
    const json = dev.json as {
      provider: { aws: Array<Record<string, unknown>> };
      terraform: { backend: unknown };
    };
    expect(json.provider.aws[0]).toMatchObject({
      allowed_account_ids: ['111111111111'],
      region: 'us-east-1',
    });
    expect(json.provider.aws[0]!.assume_role).toBeUndefined();
    expect(json.terraform.backend).toEqual({
      local: { path: '../../../terraform.order-agent-dev-deploy-access.tfstate' },
    });
  });

  it('creates the GitHub OIDC provider for the sts.amazonaws.com audience', () => {
    expect(onlyResource(dev.json, 'aws_iam_openid_connect_provider')).toMatchObject({
      url: 'https://token.actions.githubusercontent.com',
      client_id_list: ['sts.amazonaws.com'],
    });
  });

  it('names the roles as the configuration does', () => {
    expect(
      Object.values(resources(prod.json, 'aws_iam_role'))
        .map((role) => role.name)
        .sort(),
    ).toEqual(['order-agent-prod-apply', 'order-agent-prod-plan']);
  });

  it('lets pull requests (and the main branch plan jobs) assume the plan role, pinning aud and sub', () => {
    expect(resolved(dev.stack, trustOf(dev.roles.planRole))).toMatchObject({
      Principal: { Federated: resolved(dev.stack, dev.roles.provider.arn) },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': [
            'repo:example-org/order-agent:pull_request',
            'repo:example-org/order-agent:ref:refs/heads/main',
          ],
        },
      },
    });
  });

  it("lets only the environment's protected GitHub environment assume the apply role", () => {
    expect(trustOf(prod.roles.applyRole).Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:example-org/order-agent:environment:prod',
      },
    });
  });

  it('gives the plan role reads only, and of the state only its lock file to write', () => {
    const plan = [...policyOf(dev.roles, 'plan-policy'), ...policyOf(dev.roles, 'plan-unscoped-policy')];
    const writes = actionsOf(plan).filter(
      (action) => !/^[a-z0-9]+:(Get|List|Describe|BatchGet)/.test(action),
    );
    expect(writes.sort()).toEqual(['s3:DeleteObject', 's3:PutObject']);
    const lock = plan.find((statement) => statement.Sid === 'LockState')!;
    expect(lock.Resource).toBe(
      'arn:aws:s3:::order-agent-tfstate-333333333333/order-agent-dev/terraform.tfstate.tflock',
    );
  });

  it("scopes the apply role's named resources to the environment's name prefix", () => {
    const apply = policyOf(prod.roles, 'apply-policy');
    const byName = [
      'OrdersTable',
      'Functions',
      'ServiceRoles',
      'LogGroups',
      'Alarms',
      'AlarmTopic',
      'DocumentsBucket',
    ];
    for (const sid of byName) {
      const statement = apply.find((entry) => entry.Sid === sid)!;
      for (const resource of asList(statement.Resource)) expect(resource).toMatch(/order-agent-prod[-/]/);
    }
    expect(apply.find((entry) => entry.Sid === 'WriteState')!.Resource).toEqual([
      'arn:aws:s3:::order-agent-tfstate-333333333333/order-agent-prod/terraform.tfstate',
      'arn:aws:s3:::order-agent-tfstate-333333333333/order-agent-prod/terraform.tfstate.tflock',
    ]);
  });

  it('keeps the apply role from changing the deploy roles themselves', () => {
    const deny = policyOf(dev.roles, 'apply-policy').find((statement) => statement.Effect === 'Deny')!;
    expect(deny.Resource).toEqual([
      'arn:aws:iam::111111111111:role/order-agent-dev-plan',
      'arn:aws:iam::111111111111:role/order-agent-dev-apply',
    ]);
    expect(asList(deny.Action)).toEqual(
      expect.arrayContaining(['iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy']),
    );
  });

  it('puts only the actions that cannot be scoped on "*", each suppression with its reason', () => {
    const [unscoped] = policyOf(dev.roles, 'apply-unscoped-policy');
    expect(unscoped!.Resource).toBe('*');
    expect(asList(unscoped!.Action)).toEqual(
      expect.arrayContaining(['kms:CreateKey', 'bedrock:CreateAgent']),
    );
    expect(infoAnnotations(dev.stack)).toEqual([
      expect.stringMatching(
        /^\[WILDCARD_RESOURCE\] suppressed: bedrock:GetModelInvocationLoggingConfiguration, kms:ListAliases, .* take no resource/,
      ),
      expect.stringMatching(
        /^\[WILDCARD_RESOURCE\] suppressed: .*bedrock:PutModelInvocationLoggingConfiguration, .*bedrock:CreateGuardrail take no/,
      ),
    ]);
  });

  it('passes the policy rules', () => {
    expect(errorAnnotations(dev.stack)).toEqual([]);
    expect(errorAnnotations(prod.stack)).toEqual([]);
  });

  it.each([
    ['repository', { repository: 'not-a-repo' }, /repository "not-a-repo" is not <owner>\/<name>/],
    ['role name', { planRoleName: 'bad role' }, /planRoleName "bad role" is not a role name/],
    ['GitHub environment', { githubEnvironment: 'a b' }, /"a b" is not a GitHub environment name/],
  ])('refuses an invalid %s', (_, override, message) => {
    const props = {
      repository: 'acme/orders',
      githubEnvironment: 'dev',
      planRoleName: 'orders-dev-plan',
      applyRoleName: 'orders-dev-apply',
      stateBucketArn: 'arn:aws:s3:::orders-state',
      stateKey: 'orders-dev/terraform.tfstate',
      project: 'orders',
      environment: 'dev',
      modelIds: [],
    };
    expect(() => new GitHubDeployRoles(newStack(), 'Roles', { ...props, ...override })).toThrow(
      ConstructPropsError,
    );
    expect(() => new GitHubDeployRoles(newStack(), 'Roles', { ...props, ...override })).toThrow(message);
  });
});
