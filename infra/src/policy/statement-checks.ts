import { asList, type PolicyStatement, SOURCE_ARN_OPTIONAL_PRINCIPALS } from '../iam';
import { ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS, PolicyRule, type PolicyRuleId } from './rules';

export interface Violation {
  readonly rule: PolicyRuleId;
  readonly message: string;
}

/** What a policy is attached to: it decides which rules apply. */
export type PolicyKind =
  /** Permissions of a role, user or group. */
  | 'identity'
  /** A role's trust policy. */
  | 'trust'
  /** A resource policy (bucket, topic, queue...): Resource names that resource. */
  | 'resource'
  /** A KMS key policy: there `Resource: "*"` means "this key". */
  | 'key';

/**
 * The confused-deputy conditions a statement trusting `services` needs: aws:SourceAccount always; aws:SourceArn
 * too, except in a role trust policy whose services all are in SOURCE_ARN_OPTIONAL_PRINCIPALS (Lambda does not
 * reliably supply it when it assumes an execution role; see iam/service-trust.ts).
 */
function requiredSourceKeys(services: readonly string[], kind: PolicyKind): readonly string[] {
  const arnOptional =
    kind === 'trust' && services.every((service) => SOURCE_ARN_OPTIONAL_PRINCIPALS.includes(service));
  return arnOptional ? ['aws:sourceaccount'] : ['aws:sourceaccount', 'aws:sourcearn'];
}

/** Checks one policy document (already parsed) and returns every rule it breaks. */
export function checkPolicyDocument(document: unknown, kind: PolicyKind, label: string): Violation[] {
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  if (statements === undefined)
    return [{ rule: PolicyRule.UNREADABLE_POLICY, message: `${label} has no Statement` }];
  const list = (Array.isArray(statements) ? statements : [statements]) as PolicyStatement[];
  const grantsProfile = list.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      asList(statement.Resource).some((resource) => resource.includes(':inference-profile/')),
  );
  return list.flatMap((statement, index) => {
    if (statement.Effect !== 'Allow') return [];
    const statementLabel = `${label} statement ${statement.Sid ?? index}`;
    return [
      ...checkAllow(statement, kind, statementLabel),
      ...(kind === 'identity' ? checkModelGrant(statement, grantsProfile, statementLabel) : []),
    ];
  });
}

/** Foundation models only in listed regions, and only through the profile when the policy grants one. */
function checkModelGrant(statement: PolicyStatement, grantsProfile: boolean, label: string): Violation[] {
  const invokes = asList(statement.Action).some((action) =>
    action.toLowerCase().startsWith('bedrock:invokemodel'),
  );
  const models = asList(statement.Resource).filter((resource) => resource.includes(':foundation-model/'));
  if (!invokes || models.length === 0) return [];
  if (models.some((resource) => resource.split(':')[3] === '*')) {
    return [
      {
        rule: PolicyRule.MODEL_NOT_THROUGH_PROFILE,
        message: `${label} allows a foundation model in every region`,
      },
    ];
  }
  const keys = Object.values(statement.Condition ?? {}).flatMap((block) =>
    Object.keys(block).map((key) => key.toLowerCase()),
  );
  if (grantsProfile && !keys.includes('bedrock:inferenceprofilearn')) {
    return [
      {
        rule: PolicyRule.MODEL_NOT_THROUGH_PROFILE,
        message: `${label} allows a foundation model without a bedrock:InferenceProfileArn condition`,
      },
    ];
  }
  return [];
}

function checkAllow(statement: PolicyStatement, kind: PolicyKind, label: string): Violation[] {
  const violations: Violation[] = [];
  const raw = statement as PolicyStatement & {
    NotAction?: unknown;
    NotResource?: unknown;
    NotPrincipal?: unknown;
  };
  const actions = asList(statement.Action);

  const wildcards = actions.filter((action) => action.includes('*'));
  if (wildcards.length > 0 || raw.NotAction !== undefined) {
    const what = raw.NotAction !== undefined ? 'NotAction' : wildcards.join(', ');
    violations.push({
      rule: PolicyRule.WILDCARD_ACTION,
      message: `${label} allows wildcard actions (${what})`,
    });
  }

  if (kind !== 'key' && kind !== 'trust') {
    const starResource = asList(statement.Resource).includes('*') || raw.NotResource !== undefined;
    const needResources = actions.filter(
      (action) => !ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS.includes(action),
    );
    if (starResource && (needResources.length > 0 || raw.NotAction !== undefined)) {
      violations.push({
        rule: PolicyRule.WILDCARD_RESOURCE,
        message: `${label} allows ${needResources.join(', ') || 'NotAction'} on every resource ("*")`,
      });
    }
  }

  const principal = statement.Principal;
  if (principal === '*' || asList(principal?.AWS).includes('*') || raw.NotPrincipal !== undefined) {
    violations.push({ rule: PolicyRule.PUBLIC_PRINCIPAL, message: `${label} allows any principal` });
  }
  if (principal !== undefined && principal !== '*' && principal.Federated !== undefined) {
    violations.push(...checkWebIdentityTrust(statement, principal.Federated, label));
  }
  const services = principal === undefined || principal === '*' ? [] : asList(principal.Service);
  if (services.length > 0) {
    const keys = Object.values(statement.Condition ?? {}).flatMap((block) =>
      Object.keys(block).map((key) => key.toLowerCase()),
    );
    const missing = requiredSourceKeys(services, kind).filter((key) => !keys.includes(key));
    if (missing.length > 0) {
      violations.push({
        rule: PolicyRule.SERVICE_PRINCIPAL_UNSCOPED,
        message: `${label} trusts ${services.join(', ')} without ${missing.map((key) => conditionName(key)).join(' and ')}`,
      });
    }
  }
  return violations;
}

/**
 * A web identity trust (an OIDC provider such as GitHub Actions) must pin the token's audience and subject with
 * StringEquals, every value a literal: a `*` anywhere in them lets other repositories, branches or workflows in.
 */
function checkWebIdentityTrust(statement: PolicyStatement, provider: string, label: string): Violation[] {
  const equals = statement.Condition?.StringEquals ?? {};
  const host = provider.includes('oidc-provider/')
    ? provider.slice(provider.indexOf('oidc-provider/') + 14)
    : undefined;
  const missing: string[] = [];
  for (const claim of ['aud', 'sub']) {
    const entry = Object.entries(equals).find(([key]) =>
      host === undefined ? key.endsWith(`:${claim}`) : key === `${host}:${claim}`,
    );
    const values = entry === undefined ? [] : asList(entry[1] as string | readonly string[]);
    if (values.length === 0 || values.some((value) => value.includes('*'))) missing.push(claim);
  }
  const wildcardMatch = ['StringLike', 'ForAnyValue:StringLike'].some(
    (operator) => statement.Condition?.[operator] !== undefined,
  );
  if (missing.length === 0 && !wildcardMatch) return [];
  return [
    {
      rule: PolicyRule.WEB_IDENTITY_UNSCOPED,
      message: `${label} trusts ${provider} without ${missing.length > 0 ? `literal StringEquals on ${missing.join(' and ')}` : 'StringEquals only (it uses StringLike)'}`,
    },
  ];
}

function conditionName(lowerCaseKey: string): string {
  return lowerCaseKey === 'aws:sourceaccount' ? 'aws:SourceAccount' : 'aws:SourceArn';
}
