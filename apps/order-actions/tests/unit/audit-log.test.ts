import { AUDIT_KEY, AUDIT_MESSAGE, defaultAuditLogger } from '../../src/audit-log';

// The audit trail must not depend on the diagnostic log level: POWERTOOLS_LOG_LEVEL=ERROR still writes audit
// records (INFO); only SILENT (no output at all, as the tests run) silences them.
describe('the default audit logger', () => {
  const saved = process.env.POWERTOOLS_LOG_LEVEL;
  afterEach(() => {
    if (saved === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = saved;
  });

  /** What one audit record written through a new default audit logger puts on stdout, as parsed JSON lines. */
  function writeOneRecord(): Record<string, unknown>[] {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      defaultAuditLogger().info(AUDIT_MESSAGE, { [AUDIT_KEY]: { schemaVersion: 1 } });
    } finally {
      spy.mockRestore();
    }
    return written.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
  }

  it.each(['ERROR', 'WARN', 'DEBUG', undefined])(
    'with POWERTOOLS_LOG_LEVEL=%s writes the record at INFO',
    (level) => {
      if (level === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
      else process.env.POWERTOOLS_LOG_LEVEL = level;
      expect(writeOneRecord()).toEqual([
        expect.objectContaining({ level: 'INFO', message: AUDIT_MESSAGE, [AUDIT_KEY]: { schemaVersion: 1 } }),
      ]);
    },
  );

  it.each(['SILENT', 'silent'])('with POWERTOOLS_LOG_LEVEL=%s writes nothing', (level) => {
    process.env.POWERTOOLS_LOG_LEVEL = level;
    expect(writeOneRecord()).toEqual([]);
  });
});
