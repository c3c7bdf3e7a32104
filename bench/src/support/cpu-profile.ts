import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

/** The parts of a V8 .cpuprofile (`node --cpu-prof`) read here. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
      readonly columnNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileShare {
  /** `bundle: <package or source dir>`, `node: <internal area>`, `(garbage collector)`, `(compile)`... */
  readonly where: string;
  readonly ms: number;
}

/**
 * Self time of a cold start's CPU profile by where the code comes from: frames in the bundle are mapped back to
 * their package through its source map, Node's internals are grouped by area, and V8's compile of the bundle
 * (`wrapSafe`) is named as such. The time spent exiting (writing the profile itself) is left out.
 */
export function profileShares(
  profileFile: string,
  bundleUrlPart: string,
  sourceMapFile: string,
): ProfileShare[] {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const sourceMap = new SourceMap(JSON.parse(readFileSync(sourceMapFile, 'utf8')));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byWhere = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id);
    if (!us) continue;
    const where = classify(node.callFrame, bundleUrlPart, sourceMap);
    if (where === undefined) continue;
    byWhere.set(where, (byWhere.get(where) ?? 0) + us);
  }
  return [...byWhere].map(([where, us]) => ({ where, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}

function classify(
  frame: CpuProfile['nodes'][number]['callFrame'],
  bundleUrlPart: string,
  sourceMap: SourceMap,
): string | undefined {
  if (frame.functionName === 'reallyExit') return undefined;
  if (frame.url.includes(bundleUrlPart)) {
    const entry = sourceMap.findEntry(frame.lineNumber, frame.columnNumber) as
      | { originalSource?: string }
      | undefined;
    const source = entry?.originalSource ?? '';
    const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    if (pkg) return `bundle: ${pkg}`;
    const own = source.match(/(?:packages|apps)\/[^/]+/)?.[0] ?? source.match(/\.\.\/src\/[^/]+/)?.[0];
    return `bundle: ${own ?? 'unmapped'}`;
  }
  if (frame.functionName === 'wrapSafe') return 'V8 compile of loaded files (wrapSafe)';
  if (frame.url.startsWith('node:')) {
    const area = frame.url.replace(/^node:(internal\/)?/, '').split('/')[0];
    return `node: ${area}`;
  }
  if (frame.url === '')
    return frame.functionName.startsWith('(') ? frame.functionName : `native: ${frame.functionName}`;
  return frame.url;
}
