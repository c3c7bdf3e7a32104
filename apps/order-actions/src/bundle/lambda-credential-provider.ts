import { type FromEnvInit, fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundle only (build.mjs swaps it in): the Lambda
 * runtime always hands the function's role credentials over in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN, so the rest of the default chain (SSO, profiles, web identity, STS, IMDS), about 120 KiB of
 * bundle, is never used there. Tests, `npm run dev` and other consumers of the sources keep the full chain.
 */
export const defaultProvider = (init: FromEnvInit = {}) => fromEnv(init);
