// IAM policy documents as plain data. They are rendered with JSON.stringify, not Terraform's jsonencode, so
// the synthesized `policy` strings stay inspectable by the policy rules (src/policy) at synth time; resource
// references inside them are ordinary `${...}` interpolations that Terraform fills in at plan time.

export type ConditionValue = string | boolean | readonly string[];

export type Principal =
  | '*'
  | { readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[] };

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Principal;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, ConditionValue>>>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** Something permissions can be granted to: a construct's grantX() methods add their statements through this. */
export interface IGrantable {
  addToPrincipalPolicy(statement: PolicyStatement): void;
}

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

export function renderPolicy(document: PolicyDocument): string {
  return JSON.stringify(document);
}

/** Values of a string-or-list field (Action, Resource, principal identifiers) as a list. */
export function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
