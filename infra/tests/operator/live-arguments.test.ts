import { parseLiveArguments } from '../../src/operator/live-arguments';

describe('live command arguments', () => {
  it('reads --yes as a switch', () => {
    const parsed = parseLiveArguments('apply', ['dev', '--yes']);
    expect(parsed).toMatchObject({ kind: 'run', invocation: { target: 'dev', yes: true } });
  });

  it.each([
    ['--yes=false', 'apply'],
    ['--yes=no', 'deploy'],
    ['--migrate-state=true', 'plan'],
  ] as const)('refuses %s (a value on a switch must not read as yes)', (arg, command) => {
    expect(() => parseLiveArguments(command, ['dev', arg])).toThrow(`${arg.split('=')[0]} takes no value`);
  });
});
