import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Every entry point a README tells people to run answers --help with exit 0 and a bad flag with one line and
// its documented non-zero code, never a stack trace (only --debug may show one). Each runs the way people run
// it: the CLI's bin on its bundle, the local tools and the bench through npm, so their flags must survive npm.

const REPO = resolve(__dirname, '../../../..');
const CLI_DIR = resolve(__dirname, '../..');
const STACK_FRAME = /^ {4}at /m;

export interface EntryPoint {
  /** How people know it. */
  readonly name: string;
  /** The command line, run from the repository root; the arguments under test are appended. */
  readonly command: readonly string[];
  /** The exit code for an unknown flag (documented in the entry point's --help). */
  readonly badFlagExit: number;
}

const npm = (...args: string[]) => ['npm', 'run', '--silent', ...args, '--'];

/** The entry points walked. Adding one is one line. */
export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'order-agent', command: ['node', '<cli-bin>'], badFlagExit: 2 },
  { name: 'npm run dev', command: npm('dev'), badFlagExit: 2 },
  { name: 'npm run seed', command: npm('seed'), badFlagExit: 2 },
  { name: 'stand-in agent', command: npm('stand-in', '-w', '@order-agent/cli'), badFlagExit: 2 },
  { name: 'bench', command: npm('bench', '-w', '@order-agent/bench'), badFlagExit: 2 },
];

/**
 * Extension point for the infra operator commands (`npm run plan/apply/state/...`, infra/src/operator): they
 * join the walk here once each answers --help and a bad flag this way.
 */
export const INFRA_ENTRY_POINTS: readonly EntryPoint[] = [];

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let cliBin: string;

beforeAll(() => {
  // Its own copy of the bundle, so this test does not race bin.test.ts rebuilding dist/.
  const root = join(CLI_DIR, 'node_modules', '.cache', 'entry-points');
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync(join(CLI_DIR, 'bin', 'order-agent.js'), join(root, 'bin', 'order-agent.js'));
  // The workspace's esbuild helper is an ES module; run it in a child process, as the build scripts do.
  const helper = pathToFileURL(join(REPO, 'scripts', 'esbuild-workspace.mjs')).href;
  const options = JSON.stringify({
    entryPoints: [join(CLI_DIR, 'src', 'cli.ts')],
    outfile: join(root, 'dist', 'cli.js'),
    logLevel: 'error',
  });
  execFileSync(process.execPath, [
    '--input-type=module',
    '-e',
    `import { bundleForNode } from ${JSON.stringify(helper)}; await bundleForNode(${options});`,
  ]);
  cliBin = join(root, 'bin', 'order-agent.js');
}, 120_000);

function run(entry: EntryPoint, args: string[]): Promise<Ran> {
  const [program = 'node', ...rest] = entry.command.map((part) => (part === '<cli-bin>' ? cliBin : part));
  return new Promise((done) => {
    execFile(
      program === 'node' ? process.execPath : program,
      [...rest, ...args],
      {
        cwd: REPO,
        env: { ...process.env, NO_COLOR: '1', TURBO_TELEMETRY_DISABLED: '1' },
        timeout: 120_000,
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.each([...ENTRY_POINTS, ...INFRA_ENTRY_POINTS].map((entry) => [entry.name, entry] as const))(
  '%s',
  (_name, entry) => {
    test('--help: usage on stdout, exit 0, nothing on stderr', async () => {
      const ran = await run(entry, ['--help']);
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      expect(ran.stdout).toMatch(/^Usage: /);
      expect(ran.stdout).toMatch(/Exit codes/);
    }, 120_000);

    test('an unknown flag: one line naming it, the documented exit code, no stack trace', async () => {
      const ran = await run(entry, ['--no-such-flag']);
      expect(ran.code).toBe(entry.badFlagExit);
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      expect(ran.stderr).toContain('--no-such-flag');
      expect(`${ran.stdout}${ran.stderr}`).not.toMatch(STACK_FRAME);
    }, 120_000);
  },
);
