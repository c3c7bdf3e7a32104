/**
 * Whether `endpoint` is on this machine: a loopback address or `localhost`. Local tools (dev, seed, the CLI's
 * `action`) use it to refuse anything else unless the user asked for real AWS on purpose (`--aws`).
 */
export function isLocalEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '0.0.0.0'
  );
}

/** The DynamoDB endpoint the SDK will use, from the variables it reads (undefined: the real service). */
export function dynamoDbEndpointFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return env.AWS_ENDPOINT_URL_DYNAMODB || env.AWS_ENDPOINT_URL || undefined;
}
