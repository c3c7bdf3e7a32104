import { LocalBackend, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { roleNameOf } from '../config/access-config';
import type { EnvironmentConfig, GitHubConfig, StateConfig } from '../config/types';
import { GitHubDeployRoles } from '../constructs/github-deploy-roles';
import { partitionOf } from '../iam';
import { deployAccessStackName, environmentStackName, stateKey } from './names';
import { PolicyCheckedStack } from './policy-checked-stack';

export interface DeployAccessStackProps {
  readonly project: string;
  readonly environment: EnvironmentConfig;
  readonly state: StateConfig;
  readonly github: GitHubConfig;
}

/**
 * Step 0 of a new environment account, applied once by an administrator of that account: GitHub Actions' OIDC
 * provider and the plan and apply roles CI assumes (their names from the environment's `access` keys). Its state is
 * a local file at the repository root (like the state stack's bootstrap): the CI roles cannot manage themselves.
 */
export class DeployAccessStack extends PolicyCheckedStack {
  public readonly roles: GitHubDeployRoles;

  public constructor(scope: Construct, props: DeployAccessStackProps) {
    const { project, environment: env, state, github } = props;
    super(scope, deployAccessStackName(project, env.name), {
      accountId: env.accountId,
      region: env.region,
      tags: { project, environment: env.name, owner: env.owner, 'managed-by': 'cdktf' },
    });
    new LocalBackend(this, { path: `../../../terraform.${this.node.id}.tfstate` });

    const partition = partitionOf(env.region);
    this.roles = new GitHubDeployRoles(this, 'GitHubDeployRoles', {
      repository: `${github.owner}/${github.repository}`,
      githubEnvironment: env.name,
      planRoleName: roleNameOf(env.access.planRoleArn),
      applyRoleName: roleNameOf(env.access.applyRoleArn),
      stateBucketArn: `arn:${partition}:s3:::${state.bucketName}`,
      stateKey: stateKey(environmentStackName(project, env.name)),
      project,
      environment: env.name,
      modelIds: [env.modelId, env.knowledgeBase.embeddingModelId],
    });
    new TerraformOutput(this, 'plan_role_arn', { value: this.roles.planRole.arn });
    new TerraformOutput(this, 'apply_role_arn', { value: this.roles.applyRole.arn });
  }
}
