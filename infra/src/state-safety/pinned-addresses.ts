import { isStatefulResourceType } from './stateful-resources';

/** Stack name -> the sorted addresses of its stateful resources. */
export type PinnedAddresses = Readonly<Record<string, readonly string[]>>;

/** The part of a synthesized stack (cdk.tf.json) the pins read. */
export interface SynthesizedResources {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** One stack whose stateful addresses differ from the pins. */
export interface PinMismatch {
  readonly stack: string;
  /** Pinned, but no longer synthesized: the next apply destroys it. */
  readonly disappeared: readonly string[];
  /** Synthesized, but not pinned: a new resource, or the new address of a moved one. */
  readonly appeared: readonly string[];
}

/** The command that rewrites the pin file from the synthesized stacks (run in infra/). */
export const UPDATE_PINS_COMMAND = 'UPDATE_PINNED_ADDRESSES=1 npx jest tests/state-safety/pinned-addresses';

/** The sorted `<type>.<name>` addresses of the stateful resources in a synthesized stack. */
export function statefulAddresses(stack: SynthesizedResources): string[] {
  return Object.entries(stack.resource ?? {})
    .filter(([type]) => isStatefulResourceType(type))
    .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
    .sort();
}

/** The stacks whose addresses differ from the pins (stacks added or removed included), by stack name. */
export function comparePinnedAddresses(pinned: PinnedAddresses, actual: PinnedAddresses): PinMismatch[] {
  const stacks = [...new Set([...Object.keys(pinned), ...Object.keys(actual)])].sort();
  return stacks.flatMap((stack) => {
    const before = new Set(pinned[stack] ?? []);
    const now = new Set(actual[stack] ?? []);
    const disappeared = [...before].filter((address) => !now.has(address)).sort();
    const appeared = [...now].filter((address) => !before.has(address)).sort();
    return disappeared.length + appeared.length === 0 ? [] : [{ stack, disappeared, appeared }];
  });
}

/**
 * What changed and what to do: a disappeared address with an appeared one of the same type is most likely a
 * rename, so the move to declare is spelt out; anything else is new (or deliberately removed) and needs a
 * review, then regenerated pins.
 */
export function describePinMismatches(mismatches: readonly PinMismatch[], pinFile: string): string {
  const lines = [
    `The Terraform addresses of stateful resources differ from ${pinFile}.`,
    'A changed address makes the next apply DESTROY the resource at the old one and create an empty one.',
  ];
  for (const { stack, disappeared, appeared } of mismatches) {
    lines.push('', `${stack}:`);
    for (const address of disappeared) lines.push(`  - ${address}  (pinned, no longer synthesized)`);
    for (const address of appeared) lines.push(`  + ${address}  (synthesized, not pinned)`);
    for (const { from, to } of likelyRenames(disappeared, appeared)) {
      lines.push(
        `  ${from} -> ${to} looks like a rename. Keep the resource: restore its logical id, or declare`,
        `    { from: '${from}', to: '${to}', reason: '...' }`,
        '    in infra/src/state-safety/declared-moves.ts (a moved block; the plan then shows a move), or move the state',
        `    by hand: npm run state -- mv <env> ${from} ${to}`,
      );
    }
  }
  lines.push(
    '',
    'If a resource is genuinely new (or its removal is intended and reviewed), regenerate the pins and commit',
    `them with the change: cd infra && ${UPDATE_PINS_COMMAND}`,
  );
  return lines.join('\n');
}

/** Pairs each disappeared address with an appeared one of the same type, when that pairing is unambiguous. */
function likelyRenames(
  disappeared: readonly string[],
  appeared: readonly string[],
): Array<{ from: string; to: string }> {
  const typeOf = (address: string) => address.slice(0, address.indexOf('.'));
  return disappeared.flatMap((from) => {
    const sameTypeGone = disappeared.filter((address) => typeOf(address) === typeOf(from));
    const sameTypeNew = appeared.filter((address) => typeOf(address) === typeOf(from));
    return sameTypeGone.length === 1 && sameTypeNew.length === 1 ? [{ from, to: sameTypeNew[0]! }] : [];
  });
}
