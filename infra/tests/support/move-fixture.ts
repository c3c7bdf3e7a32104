import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { applyStateSafety } from '../../src/state-safety/apply-state-safety';
import type { DeclaredMove } from '../../src/state-safety/declared-moves-aspect';
import { type CraftedResource, writeCraftedState } from './crafted-state';

export const TOPIC_NAME = 'state-fixture-alarms';
/** Where the deployed topic is in the crafted state: its address before the refactor. */
export const OLD_ADDRESS = 'aws_sns_topic.fixture_topic';
/** Its address after the refactor (another construct id, under another parent). */
export const NEW_ADDRESS = 'aws_sns_topic.alarm_topic';

/**
 * Two versions of one refactored stack, each holding the topic at NEW_ADDRESS, both with prevent_destroy:
 * `moved` declares the move from OLD_ADDRESS, `renamed` does not.
 */
export function synthesizeMoveFixture(outdir: string): void {
  const app = new App({ outdir });
  const refactored = (id: string, moves: readonly DeclaredMove[]) => {
    const stack = new TerraformStack(app, id);
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const topic = new SnsTopic(new Construct(stack, 'Alarms'), 'topic', { name: TOPIC_NAME });
    topic.overrideLogicalId('alarm_topic');
    applyStateSafety(stack, { preventDestroy: true, moves });
  };
  refactored('moved', [{ from: OLD_ADDRESS, to: NEW_ADDRESS, reason: 'the topic moved under Alarms' }]);
  refactored('renamed', []);
  app.synth();
}

/** The state an apply of the stack before the refactor left: the topic at OLD_ADDRESS. */
export function writeStateBeforeRefactor(file: string): void {
  const arn = `arn:aws:sns:us-east-1:111111111111:${TOPIC_NAME}`;
  const topic: CraftedResource = {
    type: 'aws_sns_topic',
    name: OLD_ADDRESS.split('.')[1]!,
    attributes: { id: arn, arn, name: TOPIC_NAME, tags: {}, tags_all: {} },
  };
  writeCraftedState(file, [topic]);
}
