import { StateUsageError } from '../../src/errors';
import { parseStateArguments, STATE_USAGE } from '../../src/operator/state-arguments';

const run = (...argv: string[]) => {
  const parsed = parseStateArguments(argv);
  if (parsed.kind !== 'run') throw new Error('expected a command');
  return parsed.invocation;
};

describe('npm run state arguments', () => {
  it.each([
    [['list', 'dev'], ['state', 'list'], false],
    [
      ['list', 'prod', 'aws_dynamodb_table.orders_table', '--id=x'],
      ['state', 'list', '-id=x', 'aws_dynamodb_table.orders_table'],
      false,
    ],
    [['show', 'dev', 'aws_sns_topic.alarm_topic'], ['state', 'show', 'aws_sns_topic.alarm_topic'], false],
    [
      ['mv', 'dev', 'aws_sns_topic.a', 'aws_sns_topic.b', '-dry-run'],
      ['state', 'mv', '-dry-run', 'aws_sns_topic.a', 'aws_sns_topic.b'],
      true,
    ],
    [
      ['rm', 'state', 'aws_s3_bucket.state_bucket', '--dry-run'],
      ['state', 'rm', '-dry-run', 'aws_s3_bucket.state_bucket'],
      true,
    ],
    [
      ['import', 'prod', 'aws_dynamodb_table.orders_table', 'order-agent-prod-orders'],
      ['import', '-input=false', 'aws_dynamodb_table.orders_table', 'order-agent-prod-orders'],
      true,
    ],
    [['pull', 'prod'], ['state', 'pull'], false],
  ])('%j runs terraform %j', (argv, terraformArgs, writesState) => {
    expect(run(...argv)).toEqual({ command: argv[0], environment: argv[1], terraformArgs, writesState });
  });

  it('writes a pulled state to the file given, not as a terraform argument', () => {
    expect(run('pull', 'prod', 'prod.tfstate')).toEqual({
      command: 'pull',
      environment: 'prod',
      terraformArgs: ['state', 'pull'],
      writesState: false,
      outputFile: 'prod.tfstate',
    });
  });

  it.each([[[]], [['--help']], [['mv', 'dev', '-h']], [['help']]])('%j asks for the usage', (argv) => {
    expect(parseStateArguments(argv)).toEqual({ kind: 'help' });
    expect(STATE_USAGE).toMatch(/^usage: npm run state -- <command> <environment\|state>/);
    for (const command of ['list', 'show', 'mv', 'rm', 'import', 'pull'])
      expect(STATE_USAGE).toContain(`  ${command} <env>`);
  });

  it.each([
    [
      ['apply', 'dev'],
      'unknown state command "apply" (one of list, show, mv, rm, import, pull; --help for usage)',
    ],
    [['list'], 'state list: name the environment (usage: npm run state -- list <env> [address...])'],
    [['show', '-x'], 'state show: name the environment'],
    [
      ['show', 'dev'],
      'state show: expected <address> after the environment, got 0 (usage: npm run state -- show <env> <address>)',
    ],
    [['mv', 'dev', 'aws_sns_topic.a'], 'state mv: expected <from> <to> after the environment, got 1'],
    [['import', 'dev', 'a', 'b', 'c'], 'state import: expected <address> <id> after the environment, got 3'],
    [['pull', 'dev', 'a.tfstate', 'b.tfstate'], 'state pull: expected [file] after the environment, got 2'],
    [
      ['rm', 'dev', 'aws_sns_topic.a', '-state=other.tfstate'],
      'state rm: unknown flag -state=other.tfstate (it takes -dry-run, -lock-timeout=)',
    ],
    [['show', 'dev', 'aws_sns_topic.a', '-dry-run'], 'state show: unknown flag -dry-run (it takes no flags)'],
    [['list', 'dev', '-id='], 'state list: unknown flag -id='],
  ])('%j is refused with one clear line', (argv, message) => {
    expect(() => parseStateArguments(argv)).toThrow(StateUsageError);
    expect(() => parseStateArguments(argv)).toThrow(message);
  });
});
