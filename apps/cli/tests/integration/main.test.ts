import packageJson from '../../package.json';
import { commands } from '../../src/commands';
import { lines, runCli } from './support/run-cli';

test('--help lists every command and the exit codes', async () => {
  const run = await runCli(['--help']);
  expect(run.code).toBe(0);
  for (const command of commands) expect(run.stdout()).toContain(`${command.name}  `);
  expect(run.stdout()).toContain('8 eval or guardrail check expectations failed');
});

test('"help <command>" and "<command> --help" print the same complete help', async () => {
  for (const command of commands) {
    const viaHelp = await runCli(['help', command.name]);
    const viaFlag = await runCli([command.name, '--help']);
    expect(viaHelp.stdout()).toBe(viaFlag.stdout());
    expect(viaFlag.stdout()).toContain(`Usage: order-agent ${command.name}`);
    expect(viaFlag.stdout()).toContain('Exit codes');
  }
});

test('no command prints the help on stderr and exits 2', async () => {
  const run = await runCli([]);
  expect(run.code).toBe(2);
  expect(run.stderr()).toContain('Usage: order-agent <command>');
  expect(run.stdout()).toBe('');
});

test('an unknown command is one line naming the commands (exit 2)', async () => {
  const run = await runCli(['talk']);
  expect(run.code).toBe(2);
  expect(lines(run.stderr())).toEqual([
    `order-agent: unknown command "talk"; commands: ${commands.map((c) => c.name).join(', ')} (see order-agent --help)`,
  ]);
});

test('--version prints the package version', async () => {
  const run = await runCli(['--version']);
  expect(run.stdout()).toBe(`${packageJson.version}\n`);
});
