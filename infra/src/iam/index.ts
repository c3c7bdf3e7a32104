export type {
  AossDataAccessStatement,
  AossEncryptionPolicy,
  AossNetworkStatement,
  AossPolicyDocument,
  AossRule,
} from './aoss-policy';
export { renderAossPolicy, renderedAossPolicy } from './aoss-policy';
export { partitionOf, servicePrincipal } from './arn';
export type {
  ConditionValue,
  IGrantable,
  PolicyDocument,
  PolicyStatement,
  Principal,
} from './policy-document';
export { asList, policyDocument, renderedDocument, renderPolicy } from './policy-document';
export type { ServiceTrustOptions } from './service-trust';
export { SOURCE_ARN_OPTIONAL_PRINCIPALS, serviceTrustPolicy } from './service-trust';
