import { type IAspect, TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { DeclaredMoveError } from '../errors';
import { MovedBlock } from './moved-block';
import { resourceAddress } from './stateful-resources';

/** One resource address change, declared in code (see DECLARED_MOVES). */
export interface DeclaredMove {
  /** The address the resource had, `<type>.<name>` (`aws_dynamodb_table.orders`). */
  readonly from: string;
  /** The address it has now (or had next, for a chain of moves), of the same type. */
  readonly to: string;
  /** Why it moved (the change or issue), for the reviewer and the next person reading the list. */
  readonly reason: string;
}

/** A root-module resource address: `<type>.<name>` (no modules, no instance keys). */
const ADDRESS = /^([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)$/;

/**
 * Writes the declared moves that concern a stack as Terraform `moved` blocks (MovedBlock): every move whose
 * chain (A -> B, B -> C) ends at a resource the stack has. It runs at synth, once every construct has its
 * final logical id.
 */
export class DeclaredMovesAspect implements IAspect {
  private readonly moves: readonly DeclaredMove[];

  public constructor(moves: readonly DeclaredMove[]) {
    validateMoves(moves);
    this.moves = moves;
  }

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const addresses = new Set(
      node.node
        .findAll()
        .filter((construct): construct is TerraformResource =>
          TerraformResource.isTerraformResource(construct),
        )
        .map(resourceAddress),
    );
    for (const { from, to } of movesEndingIn(this.moves, addresses)) {
      // A second synth of the same stack visits it again: the block is already there.
      const id = `moved ${from}`;
      if (node.node.tryFindChild(id) === undefined) new MovedBlock(node, id, { from, to });
    }
  }
}

/** The moves whose chain ends at one of `addresses`, in declaration order. */
export function movesEndingIn(
  moves: readonly DeclaredMove[],
  addresses: ReadonlySet<string>,
): DeclaredMove[] {
  const next = new Map(moves.map((move) => [move.from, move.to]));
  const endOf = (address: string): string => {
    let current = address;
    for (let step = 0; next.has(current) && step <= moves.length; step++) current = next.get(current)!;
    return current;
  };
  return moves.filter((move) => addresses.has(endOf(move.to)));
}

/** Rejects moves Terraform would reject later (or, worse, accept with another meaning). */
export function validateMoves(moves: readonly DeclaredMove[]): void {
  const problems: string[] = [];
  const froms = new Set<string>();
  const tos = new Set<string>();
  for (const { from, to, reason } of moves) {
    const source = ADDRESS.exec(from);
    const target = ADDRESS.exec(to);
    if (source === null || target === null) {
      problems.push(`${from} -> ${to}: both addresses must read <type>.<name>`);
      continue;
    }
    if (source[1] !== target[1]) problems.push(`${from} -> ${to}: a move cannot change the resource type`);
    if (from === to) problems.push(`${from} -> ${to}: the addresses are the same`);
    if (reason.trim().length < 10) problems.push(`${from} -> ${to}: say why it moved (reason)`);
    if (froms.has(from)) problems.push(`${from} is moved twice`);
    if (tos.has(to)) problems.push(`${to} is the target of two moves`);
    froms.add(from);
    tos.add(to);
  }
  if (problems.length === 0 && hasCycle(moves)) problems.push('the moves form a cycle');
  if (problems.length > 0) throw new DeclaredMoveError(`invalid declared moves: ${problems.join('; ')}`);
}

function hasCycle(moves: readonly DeclaredMove[]): boolean {
  const next = new Map(moves.map((move) => [move.from, move.to]));
  return moves.some(({ from }) => {
    let current = next.get(from);
    for (let step = 0; current !== undefined && step <= moves.length; step++) {
      if (current === from) return true;
      current = next.get(current);
    }
    return false;
  });
}
