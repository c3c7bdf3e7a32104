import { type PolicyDocument, policyDocument } from './policy-document';

export interface ServiceTrustOptions {
  /** The service principal allowed to assume the role, e.g. `bedrock.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** Only on behalf of resources in this account (aws:SourceAccount). */
  readonly accountId: string;
  /** Only on behalf of resources whose ARN matches this pattern (aws:SourceArn, ArnLike). */
  readonly sourceArn: string;
}

/**
 * A role trust policy for one AWS service, scoped against the confused-deputy problem: the service may assume
 * the role only while acting for a resource of this account whose ARN matches `sourceArn`.
 */
export function serviceTrustPolicy(options: ServiceTrustOptions): PolicyDocument {
  return policyDocument([
    {
      Sid: 'TrustedService',
      Effect: 'Allow',
      Principal: { Service: options.servicePrincipal },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': options.accountId },
        ArnLike: { 'aws:SourceArn': options.sourceArn },
      },
    },
  ]);
}
