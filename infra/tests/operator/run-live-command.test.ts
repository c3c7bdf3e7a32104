import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInfraConfig } from '../../src/config/load-config';
import { parseLiveArguments } from '../../src/operator/live-arguments';
import { type LiveCommandOptions, runLiveCommand } from '../../src/operator/run-live-command';
import { DEFAULT_CONFIG_FILE } from '../../src/paths';
import { writeSynthFixture } from '../support/synth-fixture';
import { describeWithTerraform } from '../support/terraform';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);

// The commands' flow on the dev stack name, with a terraform_data stack in place of the synthesized app.
describeWithTerraform('plan, apply and deploy on a terraform_data stack')('runLiveCommand', () => {
  const root = mkdtempSync(join(tmpdir(), 'infra-live-command-'));
  const synthDir = join(root, 'cdktf.out');
  const outputsFile = join(root, 'deploy-outputs.json');
  let greeting = 'hello';
  let steps: string[];
  let answers: boolean[];

  const run = (...argv: string[]) => {
    const parsed = parseLiveArguments(argv[0] as 'plan', argv.slice(1));
    if (parsed.kind !== 'run') throw new Error('expected a command');
    const options: LiveCommandOptions = {
      config,
      synthDir,
      synth: () => {
        steps.push('synth');
        writeSynthFixture(synthDir, 'order-agent-dev', {
          terraform: { backend: { local: { path: join(root, 'dev.tfstate') } } },
          resource: { terraform_data: { greeting: { input: greeting } } },
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform expression, not a JS template
          output: { greeting: { value: '${terraform_data.greeting.output}' } },
        });
      },
      callerAccount: async (region) => {
        steps.push(`account ${region}`);
        return '111111111111';
      },
      preflight: async (target) => {
        steps.push(`preflight ${target.environment}`);
      },
      ask: async (question) => {
        steps.push(`ask ${question}`);
        return answers.shift() ?? false;
      },
      env: process.env,
      deployOutputsFile: outputsFile,
      print: () => {},
      color: false,
      stream: false,
    };
    return runLiveCommand(parsed.invocation, options);
  };

  beforeEach(() => {
    steps = [];
    answers = [];
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('deploy checks the account, then the models, synthesizes, plans, asks, applies and records the outputs', async () => {
    answers = [true];
    await expect(run('deploy', 'dev')).resolves.toBe(0);
    expect(steps).toEqual([
      'account us-east-1',
      'preflight dev',
      'synth',
      'ask Apply this plan to order-agent-dev in account 111111111111?',
    ]);
    expect(JSON.parse(readFileSync(outputsFile, 'utf8'))).toEqual({
      'order-agent-dev': { greeting: 'hello' },
    });
  });

  it('plan then apply, by the full stack name; a declined apply changes nothing', async () => {
    greeting = 'hello again';
    await expect(run('plan', 'order-agent-dev')).resolves.toBe(0);
    await expect(run('apply', 'dev')).resolves.toBe(1);
    expect(JSON.parse(readFileSync(outputsFile, 'utf8'))['order-agent-dev'].greeting).toBe('hello');
    answers = [true];
    await expect(run('apply', 'dev')).resolves.toBe(0);
    expect(JSON.parse(readFileSync(outputsFile, 'utf8'))['order-agent-dev'].greeting).toBe('hello again');
  });

  it('applies without asking with --yes, and checks the credentials against the target before its plan file', async () => {
    await expect(run('deploy', 'dev', '--yes')).resolves.toBe(0);
    expect(steps.some((step) => step.startsWith('ask'))).toBe(false);
    await expect(
      run('apply', 'prod', join(synthDir, 'plans', 'order-agent-dev.tfplan'), '--yes'),
    ).rejects.toThrow(
      /the AWS credentials belong to account 111111111111, but order-agent-prod lives in account 222222222222/,
    );
  });
});
