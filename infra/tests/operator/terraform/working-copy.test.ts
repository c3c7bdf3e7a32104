import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfflinePlanError } from '../../../src/errors';
import { prepareWorkingCopy, readSynthesizedStack } from '../../../src/operator/terraform/working-copy';

describe('prepareWorkingCopy', () => {
  let root: string;
  let synthDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'infra-working-copy-'));
    synthDir = join(root, 'out');
    const stackDir = join(synthDir, 'stacks', 'app-dev');
    mkdirSync(join(stackDir, 'assets'), { recursive: true });
    mkdirSync(join(stackDir, '.terraform'));
    writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify({ provider: { aws: [{}] } }));
    writeFileSync(join(stackDir, 'assets', 'bundle.zip'), 'zip');
    writeFileSync(join(stackDir, 'terraform.app-dev.tfstate'), 'a real deploy left this');
    writeFileSync(
      join(synthDir, 'manifest.json'),
      JSON.stringify({
        stacks: {
          'app-dev': {
            workingDirectory: 'stacks/app-dev',
            synthesizedStackPath: 'stacks/app-dev/cdk.tf.json',
          },
          'app-hcl': { workingDirectory: 'stacks/app-hcl', synthesizedStackPath: 'stacks/app-hcl/cdk.tf' },
        },
      }),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies the configuration and assets, not what a deploy left, and keeps the earlier init', () => {
    const dir = join(root, 'work');
    mkdirSync(join(dir, '.terraform'), { recursive: true });
    writeFileSync(join(dir, 'stale.tf.json'), '{}');
    const state = join(root, 'pulled.tfstate');
    writeFileSync(state, '{"version":4}');

    prepareWorkingCopy({
      synthDir,
      stack: 'app-dev',
      dir,
      override: {
        file: 'x_override.tf.json',
        content: (synthesized) => ({ seen: Object.keys(synthesized) }),
      },
      state: { from: state, to: 'offline.tfstate' },
    });

    expect(existsSync(join(dir, 'cdk.tf.json'))).toBe(true);
    expect(readFileSync(join(dir, 'assets', 'bundle.zip'), 'utf8')).toBe('zip');
    expect(existsSync(join(dir, 'terraform.app-dev.tfstate'))).toBe(false);
    expect(existsSync(join(dir, 'stale.tf.json'))).toBe(false);
    expect(existsSync(join(dir, '.terraform'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'x_override.tf.json'), 'utf8'))).toEqual({ seen: ['provider'] });
    expect(readFileSync(join(dir, 'offline.tfstate'), 'utf8')).toBe('{"version":4}');
    expect(readSynthesizedStack(synthDir, 'app-dev')).toEqual({ provider: { aws: [{}] } });
  });

  it("writes the copy's configuration through rewrite, never the synthesized file", () => {
    const dir = join(root, 'work');
    prepareWorkingCopy({
      synthDir,
      stack: 'app-dev',
      dir,
      rewrite: (synthesized) => ({ ...synthesized, rewritten: true }),
    });
    expect(JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8'))).toEqual({
      provider: { aws: [{}] },
      rewritten: true,
    });
    expect(readSynthesizedStack(synthDir, 'app-dev')).toEqual({ provider: { aws: [{}] } });
  });

  it.each([
    ['an unknown stack', { stack: 'app-qa' }, 'no synthesized stack named app-qa'],
    ['HCL output', { stack: 'app-hcl' }, 'app-hcl: the terraform runs read JSON synth output, not HCL'],
    [
      'a missing state file',
      { stack: 'app-dev', state: { from: '/nonexistent.tfstate', to: 'offline.tfstate' } },
      'app-dev: the state file /nonexistent.tfstate does not exist',
    ],
  ])('refuses %s', (_what, options, message) => {
    const run = () => prepareWorkingCopy({ synthDir, dir: join(root, 'work'), ...options });
    expect(run).toThrow(OfflinePlanError);
    expect(run).toThrow(message);
  });

  it('asks for a synth when there is no manifest', () => {
    expect(() => prepareWorkingCopy({ synthDir: root, stack: 'app-dev', dir: join(root, 'w') })).toThrow(
      /manifest\.json is missing: synthesize first/,
    );
  });
});
