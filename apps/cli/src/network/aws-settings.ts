import { UsageError } from '../errors';
import { type NetworkTimeouts, resolveNetworkTimeouts } from './network-timeouts';

/** How a command reaches AWS, from its flags (the SDK's own chains fill in the rest). */
export interface AwsSettings {
  readonly profile?: string;
  readonly endpointUrl?: string;
  readonly timeouts: NetworkTimeouts;
}

type AwsFlagValues = Readonly<
  Partial<
    Record<'profile' | 'endpoint-url' | 'connect-timeout' | 'first-byte-timeout' | 'idle-timeout', string>
  >
>;

export function resolveAwsSettings(
  values: AwsFlagValues,
  env: Readonly<Record<string, string | undefined>>,
): AwsSettings {
  const endpointUrl = values['endpoint-url'];
  if (endpointUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(endpointUrl)) {
    throw new UsageError(`--endpoint-url must be an http:// or https:// URL, got "${endpointUrl}"`);
  }
  return {
    ...(values.profile ? { profile: values.profile } : {}),
    ...(endpointUrl ? { endpointUrl } : {}),
    timeouts: resolveNetworkTimeouts(values, env),
  };
}

/** The SDK client configuration for these settings and an optional region. */
export function sdkClientConfig(
  settings: AwsSettings,
  region: string | undefined,
): { region?: string; profile?: string; endpoint?: string } {
  return {
    ...(region ? { region } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}),
  };
}
