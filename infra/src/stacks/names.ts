/** Stack names: `<project>-state` for the bootstrap, `<project>-<environment>` for each environment. */
export function stateStackName(project: string): string {
  return `${project}-state`;
}

export function environmentStackName(project: string, environment: string): string {
  return `${project}-${environment}`;
}

/** Where a stack's state lives in the state bucket. */
export function stateKey(stack: string): string {
  return `${stack}/terraform.tfstate`;
}

/** The step-0 stack of an environment account: GitHub OIDC and the CI roles. */
export function deployAccessStackName(project: string, environment: string): string {
  return `${project}-${environment}-deploy-access`;
}
