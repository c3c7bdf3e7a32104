/** An answer's status and parsed body, after checking it is an OpenAPI envelope Bedrock can read (< 25 KB). */
export function readEnvelope(response: unknown): { status: number; body: Record<string, unknown> } {
  const envelope = response as {
    messageVersion?: unknown;
    response?: { httpStatusCode?: unknown; responseBody?: { 'application/json'?: { body?: unknown } } };
  };
  const status = envelope?.response?.httpStatusCode;
  const text = envelope?.response?.responseBody?.['application/json']?.body;
  if (
    envelope?.messageVersion !== '1.0' ||
    typeof status !== 'number' ||
    !Number.isInteger(status) ||
    typeof text !== 'string'
  ) {
    throw new Error(`not a well-formed envelope: ${JSON.stringify(response)?.slice(0, 1000)}`);
  }
  if (Buffer.byteLength(text) > 25_000) throw new Error(`a body of ${Buffer.byteLength(text)} bytes`);
  return { status, body: JSON.parse(text) as Record<string, unknown> };
}
