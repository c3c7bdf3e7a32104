import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDeployOutputs, selectStack } from '../../src/config/deploy-outputs';
import { ConfigError } from '../../src/errors';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'order-agent-outputs-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function outputsFile(content: unknown): string {
  const file = join(scratch, 'deploy-outputs.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

test.each([
  ['snake_case (cdktf --outputs-file)', { agent_id: 'A1', agent_alias_id: 'L1', region: 'eu-central-1' }],
  ['camelCase', { agentId: 'A1', agentAliasId: 'L1', region: 'eu-central-1' }],
  [
    'terraform output -json',
    { agent_id: { value: 'A1' }, agent_alias_id: { value: 'L1' }, region: { value: 'eu-central-1' } },
  ],
  [
    'prefixed names',
    { order_agent_agent_id: 'A1', order_agent_agent_alias_id: 'L1', aws_region: 'eu-central-1' },
  ],
])('reads ids and region written as %s', (_shape, outputs) => {
  const [stack] = readDeployOutputs(outputsFile({ 'order-agent-dev': outputs }));
  expect(stack).toEqual({
    stackName: 'order-agent-dev',
    agentId: 'A1',
    agentAliasId: 'L1',
    region: 'eu-central-1',
  });
});

test('the alias id is never mistaken for the agent id, whatever the key order', () => {
  const [stack] = readDeployOutputs(outputsFile({ s: { agent_alias_id: 'L1', agent_id: 'A1' } }));
  expect(stack?.agentId).toBe('A1');
  expect(stack?.agentAliasId).toBe('L1');
});

test('outputs that are missing stay missing', () => {
  expect(readDeployOutputs(outputsFile({ s: { bucket: 'b' } }))).toEqual([{ stackName: 's' }]);
});

describe('selectStack', () => {
  const stacks = [{ stackName: 'order-agent-dev' }, { stackName: 'order-agent-prod' }];

  test('by short or full environment name', () => {
    expect(selectStack(stacks, 'prod', 'f').stackName).toBe('order-agent-prod');
    expect(selectStack(stacks, 'order-agent-dev', 'f').stackName).toBe('order-agent-dev');
  });

  test('the only stack when none is named', () => {
    expect(selectStack([{ stackName: 'order-agent-dev' }], undefined, 'f').stackName).toBe('order-agent-dev');
  });

  test('several stacks and no name, an unknown name, or no stacks are configuration errors', () => {
    expect(() => selectStack(stacks, undefined, 'f')).toThrow(ConfigError);
    expect(() => selectStack(stacks, 'qa', 'f')).toThrow(
      'no stack for environment "qa" in f (stacks: order-agent-dev, order-agent-prod)',
    );
    expect(() => selectStack([], undefined, 'f')).toThrow('holds no stacks');
  });
});
