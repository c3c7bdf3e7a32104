import { defaultAuditLogger } from '../../src/audit-log';

// The audit trail must not depend on the diagnostic log level: POWERTOOLS_LOG_LEVEL=ERROR still writes audit
// records (INFO); only SILENT (no output at all, as the tests run) silences them.
describe('the default audit logger', () => {
  const saved = process.env.POWERTOOLS_LOG_LEVEL;
  afterEach(() => {
    if (saved === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = saved;
  });

  it.each([
    ['ERROR', 'INFO'],
    ['WARN', 'INFO'],
    ['DEBUG', 'INFO'],
    [undefined, 'INFO'],
    ['SILENT', 'SILENT'],
    ['silent', 'SILENT'],
  ])('with POWERTOOLS_LOG_LEVEL=%s logs at %s', (level, expected) => {
    if (level === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = level;
    expect(defaultAuditLogger().getLevelName()).toBe(expected);
  });
});
