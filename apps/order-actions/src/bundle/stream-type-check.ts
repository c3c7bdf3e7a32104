/**
 * Stands in for `@smithy/core`'s `serde/util-stream/stream-type-check` in the Lambda bundle only (build.mjs swaps
 * it in). The original reads the global `ReadableStream` for every response body, and that first read makes Node
 * load its Web Streams implementation (measured: 1.8 ms of every cold start), although Node's HTTP responses are
 * never Web streams. Every Web `ReadableStream` has `getReader`, so checking that first gives the same answers
 * without touching the global for a Node stream.
 */
export const isReadableStream = (stream: unknown): stream is ReadableStream =>
  typeof (stream as { getReader?: unknown } | null | undefined)?.getReader === 'function' &&
  typeof ReadableStream === 'function' &&
  ((stream as object).constructor?.name === ReadableStream.name || stream instanceof ReadableStream);

/** Unchanged from the original (`Blob` is a cheap global in Node). */
export const isBlob = (blob: unknown): blob is Blob =>
  typeof Blob === 'function' &&
  ((blob as object | null | undefined)?.constructor?.name === Blob.name || blob instanceof Blob);
