import { ConstructPropsError } from '../errors';
import { type PolicyDocument, policyDocument } from './policy-document';

/**
 * Service principals whose role trust may omit `aws:SourceArn`. Lambda does not reliably supply the function's
 * ARN when it assumes an execution role (AWS's own samples scope Lambda trust with `aws:SourceAccount` only), and a
 * SourceArn condition risks "The role defined for the function cannot be assumed by Lambda". Add a principal only
 * with a reference showing the same; every other service keeps both conditions (the policy rules check it).
 */
export const SOURCE_ARN_OPTIONAL_PRINCIPALS: readonly string[] = ['lambda.amazonaws.com'];

export interface ServiceTrustOptions {
  /** The service principal allowed to assume the role, e.g. `bedrock.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** Only on behalf of resources in this account (aws:SourceAccount). */
  readonly accountId: string;
  /**
   * Only on behalf of resources whose ARN matches this pattern (aws:SourceArn, ArnLike). Required, except for
   * the principals in SOURCE_ARN_OPTIONAL_PRINCIPALS.
   * @default - no aws:SourceArn condition (allowed only for SOURCE_ARN_OPTIONAL_PRINCIPALS)
   */
  readonly sourceArn?: string;
}

/**
 * A role trust policy for one AWS service, scoped against the confused-deputy problem: the service may assume
 * the role only while acting for a resource of this account (and, where the service supplies it, whose ARN
 * matches `sourceArn`).
 */
export function serviceTrustPolicy(options: ServiceTrustOptions): PolicyDocument {
  if (options.sourceArn === undefined && !SOURCE_ARN_OPTIONAL_PRINCIPALS.includes(options.servicePrincipal)) {
    throw new ConstructPropsError(
      `a trust policy for ${options.servicePrincipal} needs a sourceArn (only ${SOURCE_ARN_OPTIONAL_PRINCIPALS.join(', ')} may omit it)`,
    );
  }
  return policyDocument([
    {
      Sid: 'TrustedService',
      Effect: 'Allow',
      Principal: { Service: options.servicePrincipal },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': options.accountId },
        ...(options.sourceArn === undefined ? {} : { ArnLike: { 'aws:SourceArn': options.sourceArn } }),
      },
    },
  ]);
}
