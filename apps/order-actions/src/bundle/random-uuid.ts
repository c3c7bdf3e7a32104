import { randomUUID } from 'node:crypto';

/**
 * Stands in for `@smithy/core`'s `serde/uuid/v4` in the Lambda bundle only (build.mjs swaps it in). The original
 * binds `v4` at module load by reading the global `crypto`, and that first read makes Node initialise Web Crypto
 * (measured: 1.3 ms of every cold start); `node:crypto`, which SigV4 loads anyway, gives the same RFC 4122 v4 ids.
 */
export const bindV4 = (_getRandomValues?: unknown): (() => string) => randomUUID;
