// What the plan and apply roles of one environment may do to the environment stack's resources. One table, read
// by both roles: the plan role gets each row's `read` actions, the apply role `read` and `write`. Every name the
// environment stack gives starts with `<project>-<environment>`, so rows are scoped to that prefix where the
// service names resources by name; see infra/docs/deploy-access.md for the rows that cannot be.
import { permissionRows } from './deploy-permission-table';
import type { DeployScope } from './deploy-scope';
import type { PolicyStatement } from './policy-document';

export type { DeployScope } from './deploy-scope';

/**
 * Actions IAM accepts only on `Resource: "*"` (no resource type in the Service Authorization Reference), or whose
 * resources are addressed by generated ids the configuration cannot know before they exist.
 */
export const UNSCOPED_DEPLOY_ACTIONS = {
  read: [
    'bedrock:GetModelInvocationLoggingConfiguration',
    'kms:ListAliases',
    'aoss:BatchGetCollection',
    'aoss:ListCollections',
    'aoss:GetSecurityPolicy',
    'aoss:GetAccessPolicy',
  ],
  write: [
    'kms:CreateKey',
    'bedrock:PutModelInvocationLoggingConfiguration',
    'bedrock:DeleteModelInvocationLoggingConfiguration',
    'aoss:CreateCollection',
    'aoss:CreateSecurityPolicy',
    'aoss:UpdateSecurityPolicy',
    'aoss:DeleteSecurityPolicy',
    'aoss:CreateAccessPolicy',
    'aoss:UpdateAccessPolicy',
    'aoss:DeleteAccessPolicy',
    'bedrock:CreateAgent',
    'bedrock:CreateKnowledgeBase',
    'bedrock:CreateGuardrail',
  ],
} as const;

function statements(scope: DeployScope, withWrite: boolean): PolicyStatement[] {
  return permissionRows(scope)
    .map((row) => ({ row, actions: withWrite ? [...row.read, ...row.write] : [...row.read] }))
    .filter(({ actions }) => actions.length > 0)
    .map(({ row, actions }) => ({
      Sid: row.sid,
      Effect: 'Allow' as const,
      Action: [...new Set(actions)],
      Resource: row.resources,
      ...(row.condition === undefined ? {} : { Condition: row.condition }),
    }));
}

/** The plan role's scoped statements: every row's read actions. */
export function planPermissions(scope: DeployScope): PolicyStatement[] {
  return statements(scope, false);
}

/** The apply role's scoped statements: every row's read and write actions. */
export function applyPermissions(scope: DeployScope): PolicyStatement[] {
  return statements(scope, true);
}

/** The one statement on `Resource: "*"`, for the actions in UNSCOPED_DEPLOY_ACTIONS. */
export function unscopedPermissions(withWrite: boolean): PolicyStatement {
  const { read, write } = UNSCOPED_DEPLOY_ACTIONS;
  return {
    Sid: 'Unscoped',
    Effect: 'Allow',
    Action: withWrite ? [...read, ...write] : [...read],
    Resource: '*',
  };
}
