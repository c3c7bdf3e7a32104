// IAM policy documents as plain data, rendered by renderPolicy(): a JSON literal when the document holds only
// literal values, else a Terraform jsonencode() expression (cdktf 0.21's HCL output does not escape a JSON
// string that contains references). Either way the policy rules (src/policy) can read the document at synth:
// the literal is parsed, the expression is looked up with renderedDocument().
import { Fn, Token } from 'cdktf';

export type ConditionValue = string | boolean | readonly string[];

export type Principal =
  | '*'
  | {
      readonly AWS?: string | readonly string[];
      readonly Service?: string | readonly string[];
      /** An identity provider (web identity federation, e.g. GitHub Actions OIDC). */
      readonly Federated?: string;
    };

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

/** jsonencode() expressions made by renderPolicy(), with the document each one encodes. */
const ENCODED_DOCUMENTS = new Map<string, PolicyDocument>();

export function renderPolicy(document: PolicyDocument): string {
  const literal = JSON.stringify(document);
  if (!Token.isUnresolved(literal)) return literal;
  const expression = Fn.jsonencode(document);
  ENCODED_DOCUMENTS.set(expression, document);
  return expression;
}

/** The document behind a jsonencode() expression that renderPolicy() returned, else undefined. */
export function renderedDocument(value: unknown): PolicyDocument | undefined {
  return typeof value === 'string' ? ENCODED_DOCUMENTS.get(value) : undefined;
}

/** Values of a string-or-list field (Action, Resource, principal identifiers) as a list. */
export function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
