import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/paths';
import { type FakeBedrock, startFakeBedrock } from './support/fake-bedrock';
import { type FakeSts, startFakeSts } from './support/fake-sts';

// The compiled entry points, run as an operator runs them (npm test builds first).
const COMMANDS = join(REPO_ROOT, 'infra', 'dist', 'operator', 'commands');
const KEY = { accessKeyId: 'AKIDPLATFORMTEAM', secretAccessKey: 'platform-team-secret' };

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('operator commands: one vocabulary, one readable line on failure', () => {
  const home = mkdtempSync(join(tmpdir(), 'infra-commands-home-'));
  let sts: FakeSts;
  let bedrock: FakeBedrock;
  beforeAll(async () => {
    if (!existsSync(join(COMMANDS, 'plan.js')))
      throw new Error(`${COMMANDS} is missing: npm run build first`);
    sts = await startFakeSts({ account: '111111111111', region: 'us-east-1', ...KEY });
    bedrock = await startFakeBedrock({ models: {} });
  });
  afterAll(async () => {
    await sts.stop();
    await bedrock.stop();
    rmSync(home, { recursive: true, force: true });
  });

  /** No credentials anywhere: a home of its own, no instance metadata. */
  const bareEnv = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ENDPOINT_URL_BEDROCK: bedrock.url,
  });
  /** Credentials of the dev account (111111111111), as STS answers them. */
  const devEnv = (): NodeJS.ProcessEnv => ({
    ...bareEnv(),
    AWS_ACCESS_KEY_ID: KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
  });
  const run = (command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(COMMANDS, `${command}.js`), ...args],
        { cwd: REPO_ROOT, env },
        (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
      );
    });
  const expectOneLine = (result: Run, pattern: RegExp) => {
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  };

  it.each(['plan', 'apply', 'deploy', 'destroy'])(
    '%s --help exits 0 and lists its options',
    async (command) => {
      const result = await run(command, ['--help'], bareEnv());
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`usage: npm run ${command} -- <dev|prod|state|stack name>`);
      expect(result.stdout).toContain('--help');
    },
  );

  it('refuses a wrong argument and an unknown environment in one line', async () => {
    expectOneLine(
      await run('plan', ['dev', '--bogus'], bareEnv()),
      /^plan: plan takes no --bogus \(usage: npm run plan/,
    );
    expectOneLine(
      await run('plan', ['qa'], bareEnv()),
      /no environment or stack named "qa" \(known: dev, prod, state\)/,
    );
    expectOneLine(
      await run('apply', ['dev', 'a.tfplan', 'b.tfplan'], bareEnv()),
      /^apply: apply: unexpected b.tfplan/,
    );
  });

  it('checks the credentials first', async () => {
    expectOneLine(
      await run('plan', ['dev'], { ...bareEnv(), TERRAFORM_BINARY_NAME: join(home, 'no-terraform') }),
      /^plan: no AWS credentials found/,
    );
    expectOneLine(
      await run('plan', ['order-agent-prod'], devEnv()),
      /credentials belong to account 111111111111, but order-agent-prod lives in account 222222222222/,
    );
  });

  it('says so in one line when terraform is missing, for every command', async () => {
    const env = { ...devEnv(), TERRAFORM_BINARY_NAME: join(home, 'no-terraform') };
    const missing = /terraform \(.*no-terraform\) was not found: install Terraform >= 1\.10\.0/;
    expectOneLine(await run('plan', ['dev'], env), missing);
    expectOneLine(await run('deploy', ['dev', '--yes'], env), missing);
    expectOneLine(await run('state', ['list', 'dev'], env), missing);
  });

  it('names a TF_PLUGIN_MIRROR that does not exist in one line', async () => {
    expectOneLine(
      await run('plan', ['dev'], { ...devEnv(), TF_PLUGIN_MIRROR: join(home, 'no-mirror') }),
      /TF_PLUGIN_MIRROR=.*no-mirror does not exist/,
    );
  });

  it('asks for --yes when nobody can confirm, and says how to make a plan when there is none', async () => {
    expectOneLine(
      await run('apply', ['dev'], devEnv()),
      /standard input is not a terminal, so nobody can confirm: pass --yes/,
    );
    expectOneLine(
      await run('apply', ['dev', join(home, 'none.tfplan'), '--yes'], devEnv()),
      /no saved plan at .*none.tfplan: make one with npm run plan -- <environment> first/,
    );
  });

  it('stops on a model the region does not offer, naming it', async () => {
    expectOneLine(
      await run('plan', ['dev'], devEnv()),
      /^plan: dev in us-east-1: chat model amazon.nova-2-lite-v1:0 is not available \(ResourceNotFoundException/,
    );
  });
});
