import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { loadInfraConfig } from '../../src/config/load-config';
import { AccountMismatchError, CallerIdentityError, ConfigError } from '../../src/errors';
import { callerAccount } from '../../src/operator/caller-account';
import { runStateCommand, type StateCommandOptions } from '../../src/operator/run-state-command';
import { describeBackend, synthesizedBackend } from '../../src/operator/stack-target';
import { parseStateArguments, type StateInvocation } from '../../src/operator/state-arguments';
import { terraformEnvironment } from '../../src/operator/terraform/terraform-env';
import { readSynthesizedStack } from '../../src/operator/terraform/working-copy';
import { DEFAULT_CONFIG_FILE } from '../../src/paths';
import { FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../helpers';
import { writeCraftedState } from '../support/crafted-state';
import { describeWithTerraform } from '../support/terraform';
import { type FakeSts, startFakeSts } from './support/fake-sts';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
const KEY = { accessKeyId: 'AKIDPLATFORMTEAM', secretAccessKey: 'platform-team-secret' };

function invocation(...argv: string[]): StateInvocation {
  const parsed = parseStateArguments(argv);
  if (parsed.kind !== 'run') throw new Error('expected a command');
  return parsed.invocation;
}

describe('npm run state', () => {
  const synthDir = mkdtempSync(join(tmpdir(), 'infra-state-command-'));
  const terraformEnv = terraformEnvironment();
  /** STS answers for the dev account (111111111111), as credentials of the dev account would get. */
  let devSts: FakeSts;
  let out: string[];
  let log: string[];

  const options = (argv: string[], overrides: Partial<StateCommandOptions> = {}): StateCommandOptions => ({
    invocation: invocation(...argv),
    config,
    synthDir,
    env: terraformEnv.env,
    callerAccount: (region) =>
      callerAccount({ region, env: { AWS_ENDPOINT_URL_STS: devSts.url }, credentials: async () => KEY }),
    out: (text) => out.push(text),
    log: (line) => log.push(line),
    ...overrides,
  });

  beforeAll(async () => {
    buildApp({
      config,
      outdir: synthDir,
      bundleDir: FIXTURE_BUNDLE_DIR,
      kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
    }).synth();
    devSts = await startFakeSts({ account: '111111111111', region: 'us-east-1', ...KEY });
  });
  beforeEach(() => {
    out = [];
    log = [];
  });
  afterAll(async () => {
    await devSts.stop();
    terraformEnv.dispose();
    rmSync(synthDir, { recursive: true, force: true });
  });

  it('initialises the backend the stacks are synthesized with: the state bucket from the configuration', () => {
    for (const environment of ['dev', 'prod']) {
      const backend = synthesizedBackend(readSynthesizedStack(synthDir, `order-agent-${environment}`));
      expect(backend).toEqual({
        s3: {
          bucket: config.state.bucketName,
          key: `order-agent-${environment}/terraform.tfstate`,
          region: config.state.region,
          encrypt: true,
          use_lockfile: true,
        },
      });
      expect(describeBackend(backend)).toBe(
        `s3://order-agent-tfstate-333333333333/order-agent-${environment}/terraform.tfstate (us-east-1)`,
      );
    }
    const bootstrap = synthesizedBackend(readSynthesizedStack(synthDir, 'order-agent-state'));
    expect(describeBackend(bootstrap)).toBe('local file ../../../terraform.order-agent-state.tfstate');
  });

  it("refuses to run when the credentials belong to another account than the environment's", async () => {
    const workDir = join(synthDir, 'refused');
    const run = runStateCommand(options(['rm', 'prod', 'aws_dynamodb_table.orders_table'], { workDir }));
    await expect(run).rejects.toThrow(AccountMismatchError);
    await expect(runStateCommand(options(['list', 'prod'], { workDir }))).rejects.toThrow(
      'refusing to run: the AWS credentials belong to account 111111111111, but order-agent-prod lives in ' +
        'account 222222222222; use credentials of that account',
    );
    // Refused before anything was copied or initialised.
    expect(existsSync(workDir)).toBe(false);
  });

  it('refuses when the account cannot be determined', async () => {
    const run = runStateCommand(
      options(['list', 'dev'], {
        callerAccount: (region) =>
          callerAccount({
            region,
            env: { AWS_ENDPOINT_URL_STS: devSts.url },
            credentials: async () => ({ ...KEY, secretAccessKey: 'expired' }),
          }),
      }),
    );
    await expect(run).rejects.toThrow(CallerIdentityError);
  });

  it('names the known environments for an unknown one', async () => {
    await expect(runStateCommand(options(['list', 'qa']))).rejects.toThrow(ConfigError);
    await expect(runStateCommand(options(['list', 'qa']))).rejects.toThrow(
      'no environment or stack named "qa" (known: dev, prod, state)',
    );
  });

  describeWithTerraform('state list against a crafted state')('with terraform', () => {
    it('lists and pulls a state, the backend swapped for a local copy of it', async () => {
      const stateFile = join(synthDir, 'dev.tfstate');
      writeCraftedState(stateFile, [
        { type: 'aws_dynamodb_table', name: 'orders_table', attributes: { id: 'order-agent-dev-orders' } },
        {
          type: 'aws_sns_topic',
          name: 'alarm_topic',
          attributes: { id: 'arn:aws:sns:us-east-1:111111111111:x' },
        },
      ]);

      const code = await runStateCommand(options(['list', 'dev'], { localState: stateFile }));

      expect(code).toBe(0);
      expect(out.join('')).toBe('aws_dynamodb_table.orders_table\naws_sns_topic.alarm_topic\n');
      expect(log[0]).toBe(`order-agent-dev: account 111111111111, state in a copy of ${stateFile}`);

      const pulled = join(synthDir, 'pulled.tfstate');
      await expect(
        runStateCommand(options(['pull', 'dev', pulled], { localState: stateFile })),
      ).resolves.toBe(0);
      const state = JSON.parse(readFileSync(pulled, 'utf8')) as {
        resources: Array<{ type: string; name: string }>;
      };
      expect(state.resources.map(({ type, name }) => `${type}.${name}`)).toEqual([
        'aws_dynamodb_table.orders_table',
        'aws_sns_topic.alarm_topic',
      ]);
    }, 60_000);
  });
});
