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
export { serviceTrustPolicy } from './service-trust';
