import { MissingCredentialsError } from './errors';
import type { CredentialSource } from './types';

/**
 * Credentials from the environment, read at signing time. Lambda puts its execution role's credentials there,
 * so this is all the function needs; the full default provider chain would add ~280 KiB to the bundle for
 * nothing.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): CredentialSource {
  return async () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) throw new MissingCredentialsError();
    return env.AWS_SESSION_TOKEN
      ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN }
      : { accessKeyId, secretAccessKey };
  };
}
