import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InfraError } from '../../src/errors';
import { mergeDeployOutputs } from '../../src/operator/deploy-outputs';

describe('mergeDeployOutputs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'infra-outputs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };

  it('adds a deployed stack to the outputs of the others, replacing its own old entry', () => {
    const target = write('deploy-outputs.json', {
      'order-agent-dev': { agent_id: 'OLD' },
      'order-agent-prod': { agent_id: 'PROD' },
    });
    mergeDeployOutputs({ 'order-agent-dev': { agent_id: 'NEW', agent_alias_id: 'ALIAS' } }, target);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({
      'order-agent-dev': { agent_id: 'NEW', agent_alias_id: 'ALIAS' },
      'order-agent-prod': { agent_id: 'PROD' },
    });
  });

  it('creates the file on the first deploy', () => {
    expect(
      mergeDeployOutputs({ 'order-agent-dev': { agent_id: 'A' } }, join(dir, 'deploy-outputs.json')),
    ).toEqual({
      'order-agent-dev': { agent_id: 'A' },
    });
  });

  it('refuses to merge into a file that is not stacks of outputs', () => {
    const target = write('deploy-outputs.json', { 'order-agent-dev': 'A' });
    expect(() => mergeDeployOutputs({ 'order-agent-dev': { agent_id: 'A' } }, target)).toThrow(InfraError);
  });
});
