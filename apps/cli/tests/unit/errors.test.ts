import { ExitCode, toCliError } from '../../src/errors';

function named(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

test.each([
  [
    named('CredentialsProviderError', 'Could not load credentials from any providers'),
    ExitCode.CONFIG,
    'no AWS credentials found',
  ],
  [new Error('Region is missing'), ExitCode.CONFIG, 'no AWS region set'],
  [
    named('UnrecognizedClientException', 'The security token included in the request is invalid.'),
    ExitCode.ACCESS_DENIED,
    'access denied',
  ],
  [named('ServiceQuotaExceededException', 'Too many sessions'), ExitCode.THROTTLED, 'throttled'],
  [
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    ExitCode.FAILURE,
    'cannot reach the agent runtime endpoint (ECONNREFUSED)',
  ],
  ['a string was thrown', ExitCode.FAILURE, 'a string was thrown'],
])('%s → exit %i', (error, exitCode, text) => {
  const cliError = toCliError(error);
  expect(cliError.exitCode).toBe(exitCode);
  expect(cliError.message).toContain(text);
});

test('messages are one line, and carry the request id when there is one', () => {
  const error = named('ValidationException', 'line one\nline two', { $metadata: { requestId: 'req-1' } });
  expect(toCliError(error).message).toBe(
    'the request was rejected (ValidationException): line one line two (request id req-1)',
  );
});
