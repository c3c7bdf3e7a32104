import { spawnSync } from 'node:child_process';
import { commands } from '../../src/commands';
import { flagsOf } from '../../src/commands/completion';
import { lines, runCli } from './support/run-cli';

/** Loads the bash script into bash, completes `words` (the last one being typed) and returns the candidates. */
function completeInBash(script: string, words: string[]): string[] {
  const array = words.map((word) => `'${word}'`).join(' ');
  const result = spawnSync(
    'bash',
    [
      '-c',
      `${script}\nCOMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _order_agent; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8' },
  );
  expect(result.stderr).toBe('');
  return lines(result.stdout);
}

test('bash: commands first, then the flags of the command being completed, then kb sub-commands', async () => {
  const run = await runCli(['completion', 'bash']);
  expect(run.code).toBe(0);
  const script = run.stdout();

  expect(completeInBash(script, ['order-agent', ''])).toEqual(
    expect.arrayContaining(['invoke', 'eval', 'kb', 'action', 'completion', '--help']),
  );
  expect(completeInBash(script, ['order-agent', 'ev'])).toEqual(['eval']);
  expect(completeInBash(script, ['order-agent', 'invoke', '--end'])).toEqual([
    '--end-session',
    '--endpoint-url',
  ]);
  expect(completeInBash(script, ['order-agent', 'kb', 's'])).toEqual(['sync']);
  expect(completeInBash(script, ['order-agent', 'eval', '--ju'])).toEqual(['--junit']);
});

test('zsh: a #compdef script naming every command with its summary and flags', async () => {
  const run = await runCli(['completion', 'zsh']);
  expect(run.code).toBe(0);
  const script = run.stdout();
  expect(script.startsWith('#compdef order-agent\n')).toBe(true);
  for (const command of commands) {
    expect(script).toContain(`'${command.name}:`);
    expect(script).toContain(`${command.name}) flags=(`);
    for (const flag of flagsOf(command)) expect(script).toContain(flag);
  }
});

test('the flags offered are the ones the command accepts', async () => {
  const invoke = commands.find((command) => command.name === 'invoke');
  if (!invoke) throw new Error('no invoke command');
  for (const flag of flagsOf(invoke)) {
    const run = await runCli(['invoke', flag, '--help']);
    expect(run.stderr()).not.toContain('unknown option');
  }
});

test.each([
  [['completion'], 'missing SHELL: bash or zsh'],
  [['completion', 'fish'], 'unknown shell "fish"; shells: bash, zsh'],
])('%j is a usage error', async (argv, message) => {
  const run = await runCli(argv);
  expect(run.code).toBe(2);
  expect(lines(run.stderr())).toEqual([`order-agent: ${message}`]);
});
