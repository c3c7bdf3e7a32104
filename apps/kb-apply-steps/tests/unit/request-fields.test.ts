import {
  parseInvocationInput,
  parseLifecycleAction,
  parseOrigin,
  parseTimeoutSeconds,
  quoteValue,
  withCommonFields,
} from '../../src/request-fields';

describe('request fields shared by both steps', () => {
  it('accept only a JSON object as the input, and fail with every problem its fields have', () => {
    const invalid = (problems: string[]) => new Error(problems.join('; '));
    const parseA = (raw: { a?: unknown }, problems: string[]) => {
      if (typeof raw.a !== 'number') problems.push('a must be a number');
      if (raw.a === undefined) problems.push('a is required');
      return typeof raw.a === 'number' ? { a: raw.a } : undefined;
    };
    expect(parseInvocationInput({ a: 1 }, invalid, parseA)).toEqual({ a: 1 });
    expect(() => parseInvocationInput(['x'], invalid, parseA)).toThrow(
      'expected a JSON object, got an array',
    );
    expect(() => parseInvocationInput(null, invalid, parseA)).toThrow('expected a JSON object, got null');
    expect(() => parseInvocationInput({}, invalid, parseA)).toThrow('a must be a number; a is required');
    expect(() => parseInvocationInput({}, invalid, () => undefined)).toThrow(new Error(''));
  });

  it('take an https origin, or http on loopback, and list every problem of another', () => {
    const problems: string[] = [];
    expect(parseOrigin('endpoint', 'https://example.com', problems)?.host).toBe('example.com');
    expect(parseOrigin('endpoint', 'http://127.0.0.1:8080', problems)?.port).toBe('8080');
    expect(problems).toEqual([]);
    expect(parseOrigin('endpoint', 42, problems)).toBeUndefined();
    parseOrigin('endpoint', 'http://example.com/path', problems);
    expect(problems).toEqual([
      'endpoint is not a URL: 42',
      'endpoint must use https (http only for loopback hosts): "http://example.com/path"',
      'endpoint must be a bare origin without path, query or credentials: "http://example.com/path"',
    ]);
  });

  it('default the timeout, and refuse one above 15 minutes', () => {
    const problems: string[] = [];
    expect(parseTimeoutSeconds(undefined, 120, problems)).toBe(120);
    expect(parseTimeoutSeconds(30, 120, problems)).toBe(30);
    expect(problems).toEqual([]);
    expect(parseTimeoutSeconds(901, 120, problems)).toBe(120);
    expect(problems).toEqual(['timeoutSeconds must be a number above 0 and at most 900, got 901']);
  });

  it('read the Terraform lifecycle action, a plain invocation being a create', () => {
    const problems: string[] = [];
    expect(parseLifecycleAction(undefined, problems)).toBe('create');
    expect(parseLifecycleAction({ action: 'delete' }, problems)).toBe('delete');
    expect(problems).toEqual([]);
    expect(parseLifecycleAction({ action: 'read' }, problems)).toBe('create');
    expect(problems).toEqual(['tf.action must be one of create, update, delete, got "read"']);
  });

  it('build a request only with an endpoint, its budget in milliseconds', () => {
    const common = { region: 'eu-west-1', timeoutSeconds: 2.5, action: 'update' } as const;
    expect(withCommonFields({ ...common, endpoint: undefined }, { id: 'a' })).toBeUndefined();
    expect(withCommonFields({ ...common, endpoint: new URL('https://example.com') }, { id: 'a' })).toEqual({
      endpoint: new URL('https://example.com'),
      region: 'eu-west-1',
      id: 'a',
      budgetMs: 2500,
      action: 'update',
    });
  });

  it('quote values readably in problems', () => {
    expect([undefined, [1], 'x', { a: 1 }].map(quoteValue)).toEqual([
      'nothing',
      'an array',
      '"x"',
      '{"a":1}',
    ]);
  });
});
