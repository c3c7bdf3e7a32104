// OpenSearch Serverless security and data access policies as plain data, rendered like IAM documents: a JSON
// literal, or a jsonencode() expression when they reference resources (a role's ARN). The policy rules
// (src/policy/aoss-checks.ts) read the document behind either with renderedAossPolicy().
import { Fn, Token } from 'cdktf';

/** One rule: permissions (data access policies only) on collections or indexes named by pattern. */
export interface AossRule {
  readonly ResourceType: 'collection' | 'index' | 'dashboard';
  /** `collection/<name>` or `index/<collection>/<index>`. */
  readonly Resource: readonly string[];
  /** Data access permissions such as `aoss:DescribeIndex`; not used in security policies. */
  readonly Permission?: readonly string[];
}

/** An encryption policy: which key encrypts the collections its rules match. */
export interface AossEncryptionPolicy {
  readonly Rules: readonly AossRule[];
  readonly AWSOwnedKey?: boolean;
  readonly KmsARN?: string;
}

/** One network policy statement: where the matched collection endpoints may be reached from. */
export interface AossNetworkStatement {
  readonly Description?: string;
  readonly Rules: readonly AossRule[];
  readonly AllowFromPublic: boolean;
  readonly SourceVPCEs?: readonly string[];
  readonly SourceServices?: readonly string[];
}

/** One data access policy statement: which IAM principals get which permissions. */
export interface AossDataAccessStatement {
  readonly Description?: string;
  readonly Rules: readonly AossRule[];
  readonly Principal: readonly string[];
}

export type AossPolicyDocument =
  | AossEncryptionPolicy
  | readonly AossNetworkStatement[]
  | readonly AossDataAccessStatement[];

/** jsonencode() expressions made by renderAossPolicy(), with the document each one encodes. */
const ENCODED_AOSS_POLICIES = new Map<string, AossPolicyDocument>();

export function renderAossPolicy(document: AossPolicyDocument): string {
  const literal = JSON.stringify(document);
  if (!Token.isUnresolved(literal)) return literal;
  const expression = Fn.jsonencode(document);
  ENCODED_AOSS_POLICIES.set(expression, document);
  return expression;
}

/** The document behind a jsonencode() expression that renderAossPolicy() returned, else undefined. */
export function renderedAossPolicy(value: unknown): AossPolicyDocument | undefined {
  return typeof value === 'string' ? ENCODED_AOSS_POLICIES.get(value) : undefined;
}
