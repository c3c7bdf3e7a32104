/** The ARN partition of a region (aws, aws-cn, aws-us-gov), so ARNs built here work outside the commercial one. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The service principal of an AWS service (`lambda.amazonaws.com`). */
export function servicePrincipal(service: string): string {
  return `${service}.amazonaws.com`;
}
