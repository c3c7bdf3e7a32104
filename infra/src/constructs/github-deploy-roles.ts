import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { ConstructPropsError } from '../errors';
import { type PolicyStatement, policyDocument, renderPolicy } from '../iam';
import {
  applyPermissions,
  type DeployScope,
  planPermissions,
  UNSCOPED_DEPLOY_ACTIONS,
  unscopedPermissions,
} from '../iam/deploy-permissions';
import { PolicyRule, suppressPolicyRule } from '../policy';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import { StateAccess, stateAccessStatements } from './state-bucket';

/** GitHub Actions' OIDC issuer and the audience configure-aws-credentials asks for. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

export interface GitHubDeployRolesProps {
  /** `<owner>/<repository>` whose workflows may assume the roles. */
  readonly repository: string;
  /** The GitHub environment (protected, with required reviewers) whose jobs may assume the apply role. */
  readonly githubEnvironment: string;
  readonly planRoleName: string;
  readonly applyRoleName: string;
  /** The state bucket (in the state account) and the environment stack's state key in it. */
  readonly stateBucketArn: string;
  readonly stateKey: string;
  /** The project and environment the roles deploy: the permissions are scoped to `<project>-<environment>-`. */
  readonly project: string;
  readonly environment: string;
  /** The chat and embedding model ids of the environment (the preflight reads them). */
  readonly modelIds: readonly string[];
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const GITHUB_ENVIRONMENT = /^[A-Za-z0-9._-]{1,255}$/;

/**
 * GitHub Actions' OIDC identity provider in one environment account, and the two roles CI works with:
 * - the plan role, for pull requests (`repo:<owner>/<repo>:pull_request`) and the main branch's plan jobs
 *   (`repo:<owner>/<repo>:ref:refs/heads/main`): reads the environment's resources and state, writes only the
 *   state's lock file;
 * - the apply role, only for jobs of the protected GitHub environment (`repo:<owner>/<repo>:environment:<env>`):
 *   manages the environment's resources and state, and may not change these roles or the provider.
 * Both trusts pin the audience to `sts.amazonaws.com`.
 */
export class GitHubDeployRoles extends Construct {
  public readonly provider: IamOpenidConnectProvider;
  public readonly planRole: IamRole;
  public readonly applyRole: IamRole;

  public constructor(scope: Construct, id: string, props: GitHubDeployRolesProps) {
    super(scope, id);
    for (const [name, value] of [
      ['planRoleName', props.planRoleName],
      ['applyRoleName', props.applyRoleName],
    ] as const) {
      if (!ROLE_NAME.test(value))
        throw new ConstructPropsError(
          `${this.node.path}: ${name} ${JSON.stringify(value)} is not a role name`,
        );
    }
    if (!REPOSITORY.test(props.repository)) {
      throw new ConstructPropsError(
        `${this.node.path}: repository ${JSON.stringify(props.repository)} is not <owner>/<name>`,
      );
    }
    if (!GITHUB_ENVIRONMENT.test(props.githubEnvironment)) {
      throw new ConstructPropsError(
        `${this.node.path}: ${JSON.stringify(props.githubEnvironment)} is not a GitHub environment name`,
      );
    }

    this.provider = new IamOpenidConnectProvider(this, 'github-oidc', {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
    });
    const repo = `repo:${props.repository}`;
    this.planRole = this.addRole('plan', props.planRoleName, [
      `${repo}:pull_request`,
      `${repo}:ref:refs/heads/main`,
    ]);
    this.applyRole = this.addRole('apply', props.applyRoleName, [
      `${repo}:environment:${props.githubEnvironment}`,
    ]);

    const stack = PolicyCheckedStack.of(this);
    const { partition, account: accountId } = stack;
    const deployScope: DeployScope = {
      partition,
      accountId,
      region: stack.region,
      project: props.project,
      environment: props.environment,
      modelIds: props.modelIds,
    };
    const ownRoles = [props.planRoleName, props.applyRoleName].map(
      (name) => `arn:${partition}:iam::${accountId}:role/${name}`,
    );
    const keepDeployAccess: PolicyStatement = {
      Sid: 'KeepDeployAccess',
      Effect: 'Deny',
      Action: [
        'iam:UpdateAssumeRolePolicy',
        'iam:PutRolePolicy',
        'iam:DeleteRolePolicy',
        'iam:AttachRolePolicy',
        'iam:DetachRolePolicy',
        'iam:PutRolePermissionsBoundary',
        'iam:DeleteRolePermissionsBoundary',
        'iam:DeleteRole',
        'iam:UpdateRole',
        'iam:TagRole',
        'iam:UntagRole',
      ],
      Resource: ownRoles,
    };
    const stateBucket = (access: StateAccess) =>
      stateAccessStatements(props.stateBucketArn, props.stateKey, access);
    this.addPolicies(
      'plan',
      this.planRole,
      [...planPermissions(deployScope), ...stateBucket(StateAccess.planOnly)],
      false,
    );
    this.addPolicies(
      'apply',
      this.applyRole,
      [...applyPermissions(deployScope), ...stateBucket(StateAccess.readWrite), keepDeployAccess],
      true,
    );
  }

  private addRole(id: string, roleName: string, subjects: readonly string[]): IamRole {
    return new IamRole(this, `${id}-role`, {
      name: roleName,
      description: `GitHub Actions ${id} role (${subjects.join(', ')})`,
      maxSessionDuration: 3600,
      assumeRolePolicy: renderPolicy(
        policyDocument([
          {
            Sid: 'GitHubActions',
            Effect: 'Allow',
            Principal: { Federated: this.provider.arn },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
                [`${GITHUB_OIDC_HOST}:sub`]: subjects.length === 1 ? subjects[0]! : subjects,
              },
            },
          },
        ]),
      ),
    });
  }

  private addPolicies(id: string, role: IamRole, scoped: PolicyStatement[], withWrite: boolean): void {
    new IamRolePolicy(this, `${id}-policy`, {
      name: 'deploy',
      role: role.id,
      policy: renderPolicy(policyDocument(scoped)),
    });
    const unscoped = new IamRolePolicy(this, `${id}-unscoped-policy`, {
      name: 'deploy-unscoped',
      role: role.id,
      policy: renderPolicy(policyDocument([unscopedPermissions(withWrite)])),
    });
    const actions = withWrite
      ? [...UNSCOPED_DEPLOY_ACTIONS.read, ...UNSCOPED_DEPLOY_ACTIONS.write]
      : UNSCOPED_DEPLOY_ACTIONS.read;
    suppressPolicyRule(
      unscoped,
      PolicyRule.WILDCARD_RESOURCE,
      `${actions.join(', ')} take no resource, or act on ids generated at creation (infra/docs/deploy-access.md)`,
    );
  }
}
