import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { ConstructPropsError } from '../errors';
import {
  type IGrantable,
  type PolicyDocument,
  type PolicyStatement,
  policyDocument,
  renderPolicy,
  serviceTrustPolicy,
} from '../iam';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';
import { checkName } from './prop-checks';

export interface ServiceRoleProps {
  /** IAM role name (1-64 characters: letters, digits and `+=,.@_-`). */
  readonly roleName: string;
  /** The service that assumes the role, e.g. `lambda.amazonaws.com`. */
  readonly servicePrincipal: string;
  /**
   * ARN pattern of the resources the service must act for (aws:SourceArn).
   * @default - none: allowed only for the principals in SOURCE_ARN_OPTIONAL_PRINCIPALS (Lambda)
   */
  readonly sourceArn?: string;
  /**
   * What the role is for, shown in the IAM console.
   * @default - no description
   */
  readonly description?: string;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * An IAM role for one AWS service, with a confused-deputy-safe trust policy (aws:SourceAccount: the stack's
 * account) and one inline policy that holds
 * exactly the statements granted to it (by other constructs' grantX() methods). Resources that need the
 * permissions in place before they are created depend on `policy`, not only on `role` (IAM propagation).
 */
export class ServiceRole extends Construct implements IGrantable {
  public readonly role: IamRole;
  /** The inline policy: depend on this so permissions exist before first use. */
  public readonly policy: IamRolePolicy;
  public readonly roleArn: string;
  private readonly statements: PolicyStatement[] = [];

  public constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    checkName(this.node.path, 'role name', props.roleName, ROLE_NAME);
    let trust: PolicyDocument;
    try {
      trust = serviceTrustPolicy({ ...props, accountId: PolicyCheckedStack.of(this).account });
    } catch (error) {
      throw new ConstructPropsError(`${this.node.path}: ${(error as Error).message}`);
    }

    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: renderPolicy(trust),
    });
    this.roleArn = this.role.arn;
    this.policy = new IamRolePolicy(this, 'policy', {
      name: 'permissions',
      role: this.role.id,
      // Re-rendered on every grant (not a Lazy value: cdktf 0.21's HCL output does not escape those).
      policy: renderPolicy(policyDocument(this.statements)),
    });
    this.node.addValidation({
      validate: () =>
        this.statements.length === 0 ? [`${this.node.path}: the role was granted nothing`] : [],
    });
  }

  public addToPrincipalPolicy(statement: PolicyStatement): void {
    this.statements.push(statement);
    this.policy.policy = renderPolicy(policyDocument(this.statements));
  }

  /** The statements granted so far (a copy), for tests and reviews. */
  public get grantedStatements(): readonly PolicyStatement[] {
    return [...this.statements];
  }
}
