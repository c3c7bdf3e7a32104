import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Aspects, Testing } from 'cdktf';
import { DeclaredMoveError } from '../../src/errors';
import { DECLARED_MOVES } from '../../src/state-safety/declared-moves';
import {
  type DeclaredMove,
  DeclaredMovesAspect,
  movesEndingIn,
  validateMoves,
} from '../../src/state-safety/declared-moves-aspect';
import { newStack, synth } from '../helpers';
import { synthesizeAppStacks } from '../support/app-stacks';

const move = (from: string, to: string): DeclaredMove => ({ from, to, reason: 'renamed in a refactor' });

describe('declared moves', () => {
  it('become a moved block in the stack that has the target, and nowhere else', () => {
    const moves = [
      move('aws_sns_topic.old_alarms', 'aws_sns_topic.alarms'),
      move('aws_sns_topic.x', 'aws_sns_topic.elsewhere'),
    ];
    const stack = newStack();
    new SnsTopic(stack, 'alarms', { name: 'alarms' });
    Aspects.of(stack).add(new DeclaredMovesAspect(moves));

    const json = synth(stack);
    // A second synth of the same stack must not add the block twice.
    expect(synth(stack).moved).toEqual(json.moved);
    expect(json.moved).toEqual([{ from: 'aws_sns_topic.old_alarms', to: 'aws_sns_topic.alarms' }]);
    expect(Object.keys((json.resource as Record<string, object>).aws_sns_topic!)).toEqual(['alarms']);
  });

  it('are written in HCL output too (the way out of CDKTF keeps them)', () => {
    const stack = newStack();
    new SnsTopic(stack, 'alarms', { name: 'alarms' });
    Aspects.of(stack).add(
      new DeclaredMovesAspect([move('aws_sns_topic.old_alarms', 'aws_sns_topic.alarms')]),
    );
    expect(String(Testing.synthHcl(stack))).toContain(
      'moved {\nfrom = aws_sns_topic.old_alarms\nto = aws_sns_topic.alarms\n}',
    );
  });

  it('follow chains: every step of a -> b -> c is kept, so a state at a or at b both arrive at c', () => {
    const moves = [move('aws_sns_topic.a', 'aws_sns_topic.b'), move('aws_sns_topic.b', 'aws_sns_topic.c')];
    expect(movesEndingIn(moves, new Set(['aws_sns_topic.c']))).toEqual(moves);
    expect(movesEndingIn(moves, new Set(['aws_sns_topic.b']))).toEqual([]);
  });

  it.each([
    ['a change of type', [move('aws_sns_topic.a', 'aws_kms_key.a')], 'cannot change the resource type'],
    ['a move to itself', [move('aws_sns_topic.a', 'aws_sns_topic.a')], 'the addresses are the same'],
    ['a module address', [move('module.x.aws_sns_topic.a', 'aws_sns_topic.b')], 'must read <type>.<name>'],
    ['no reason', [{ ...move('aws_sns_topic.a', 'aws_sns_topic.b'), reason: '' }], 'say why it moved'],
    [
      'one source moved twice',
      [move('aws_sns_topic.a', 'aws_sns_topic.b'), move('aws_sns_topic.a', 'aws_sns_topic.c')],
      'moved twice',
    ],
    [
      'two sources, one target',
      [move('aws_sns_topic.a', 'aws_sns_topic.c'), move('aws_sns_topic.b', 'aws_sns_topic.c')],
      'target of two moves',
    ],
    [
      'a cycle',
      [move('aws_sns_topic.a', 'aws_sns_topic.b'), move('aws_sns_topic.b', 'aws_sns_topic.a')],
      'form a cycle',
    ],
  ])('reject what Terraform would not take: %s', (_label, moves, problem) => {
    expect(() => validateMoves(moves)).toThrow(DeclaredMoveError);
    expect(() => validateMoves(moves)).toThrow(problem);
  });

  describe('of the app', () => {
    const { stacks } = synthesizeAppStacks();

    it('are valid, and each one lands in at least one stack (no stale entry)', () => {
      expect(() => validateMoves(DECLARED_MOVES)).not.toThrow();
      const landed = Object.values(stacks).flatMap(
        (json) => (json.moved as DeclaredMove[] | undefined) ?? [],
      );
      for (const { from, to } of DECLARED_MOVES) expect(landed).toContainEqual({ from, to });
    });

    it('carry the agent alias from its first, path-derived address to the stable one in both environments', () => {
      for (const stack of ['order-agent-dev', 'order-agent-prod']) {
        expect(stacks[stack]!.moved).toContainEqual({
          from: 'aws_bedrockagent_agent_alias.ProductionAlias_alias_8E384579',
          to: 'aws_bedrockagent_agent_alias.production_alias',
        });
      }
      expect(stacks['order-agent-state']!.moved).toBeUndefined();
    });
  });
});
