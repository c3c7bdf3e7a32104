import { loadInfraConfig } from '../../../src/config/load-config';
import { ModelLifecycleError } from '../../../src/errors';
import { preflightModels } from '../../../src/operator/preflight/model-preflight';
import { resolveStackTarget } from '../../../src/operator/stack-target';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';
import { type FakeBedrock, startFakeBedrock } from '../support/fake-bedrock';

const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
const KEY = { accessKeyId: 'AKIDPLATFORMTEAM', secretAccessKey: 'platform-team-secret' };
const US = ['us-east-1', 'us-east-2', 'us-west-2'];

describe('preflightModels (live, against a Bedrock stand-in)', () => {
  let bedrock: FakeBedrock | undefined;
  afterEach(() => bedrock?.stop());

  const preflight = async (
    models: Record<string, string>,
    profiles: Record<string, { status: string; regions: string[] }> = {},
    environment = 'dev',
    profileRegions?: Record<string, string[]>,
  ) => {
    bedrock = await startFakeBedrock({ models, profiles });
    const lines: string[] = [];
    await preflightModels({
      config,
      target: resolveStackTarget(config, environment),
      print: (line) => lines.push(line),
      ...(profileRegions === undefined ? {} : { profileRegions }),
      env: { AWS_ENDPOINT_URL_BEDROCK: bedrock.url },
      credentials: async () => KEY,
    });
    return lines;
  };
  const devModels = { 'amazon.nova-2-lite-v1:0': 'ACTIVE', 'amazon.titan-embed-text-v2:0': 'ACTIVE' };
  const devProfile = { 'us.amazon.nova-2-lite-v1:0': { status: 'ACTIVE', regions: US } };

  it('prints one line per ACTIVE model, with the regions its inference profile routes to', async () => {
    await expect(preflight(devModels, devProfile)).resolves.toEqual([
      'preflight: dev in us-east-1: chat model amazon.nova-2-lite-v1:0 is ACTIVE through inference profile ' +
        'us.amazon.nova-2-lite-v1:0 (ACTIVE, routes to us-east-1, us-east-2, us-west-2)',
      'preflight: dev in us-east-1: embedding model amazon.titan-embed-text-v2:0 is ACTIVE',
    ]);
    expect(bedrock?.requests).toContain('GET /inference-profiles/us.amazon.nova-2-lite-v1:0');
  });

  it('refuses a LEGACY model in one line that says where to pick a replacement', async () => {
    const refused = preflight({ ...devModels, 'amazon.nova-2-lite-v1:0': 'LEGACY' }, devProfile);
    await expect(refused).rejects.toThrow(ModelLifecycleError);
    await expect(refused).rejects.toThrow(
      /^dev in us-east-1: chat model amazon.nova-2-lite-v1:0 is LEGACY; pick an ACTIVE replacement \(https:\/\/docs.aws.amazon.com\/bedrock\/latest\/userguide\/model-lifecycle.html\)/,
    );
  });

  it('refuses a model the region does not offer, and an inference profile that is missing', async () => {
    await expect(preflight({ 'amazon.nova-2-lite-v1:0': 'ACTIVE' }, devProfile)).rejects.toThrow(
      /embedding model amazon.titan-embed-text-v2:0 is not available \(ResourceNotFoundException/,
    );
    await bedrock?.stop();
    await expect(preflight(devModels)).rejects.toThrow(
      /inference profile us.amazon.nova-2-lite-v1:0 is not available \(ResourceNotFoundException/,
    );
  });

  it('stops when the profile routes to a region the agent role may not call the model in', async () => {
    const granted = { 'us.amazon.nova-2-lite-v1:0': ['us-east-1', 'us-west-2'] };
    await expect(preflight(devModels, devProfile, 'dev', granted)).rejects.toThrow(
      'dev in us-east-1: inference profile us.amazon.nova-2-lite-v1:0 routes to us-east-2, where the agent role may not call the model; add the region to infra/config/model-lifecycle.json',
    );
    await bedrock?.stop();
    await expect(
      preflight(devModels, devProfile, 'dev', { 'us.amazon.nova-2-lite-v1:0': US }),
    ).resolves.toHaveLength(2);
  });

  it('checks nothing for the bootstrap stack, which uses no model', async () => {
    await expect(preflight({}, {}, 'state')).resolves.toEqual([]);
    expect(bedrock?.requests).toEqual([]);
  });
});
