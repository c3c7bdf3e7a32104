import { isDeepStrictEqual } from 'node:util';

/** Deep equality that treats an absent key and an `undefined` value alike (as JSON does). */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
}
