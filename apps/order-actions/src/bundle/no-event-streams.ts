/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundle only (build.mjs swaps it in). The SDK's HTTP
 * protocols load it with a dynamic `import()` for operations that stream events; DynamoDB has none, yet bundling
 * it (with the CRC-32 checksums it pulls in) cost ~19 KiB and ~4 ms of every cold start. Should an operation ever
 * ask for it, the call fails with this message instead of misbehaving.
 */
const unsupported = (): never => {
  throw new Error(
    'Event streams are left out of the order-actions Lambda bundle: DynamoDB operations have none',
  );
};

export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}

export const eventStreamSerdeProvider = unsupported;
