import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a synth output of one stack the way cdktf lays it out (manifest.json, stacks/<stack>/cdk.tf.json), for
 * the operator tests that run terraform, or a stand-in of it, on a hand-written configuration.
 */
export function writeSynthFixture(synthDir: string, stack: string, configuration: unknown): void {
  mkdirSync(join(synthDir, 'stacks', stack), { recursive: true });
  writeFileSync(
    join(synthDir, 'manifest.json'),
    JSON.stringify({
      stacks: {
        [stack]: {
          workingDirectory: `stacks/${stack}`,
          synthesizedStackPath: `stacks/${stack}/cdk.tf.json`,
        },
      },
    }),
  );
  writeFileSync(join(synthDir, 'stacks', stack, 'cdk.tf.json'), JSON.stringify(configuration));
}
