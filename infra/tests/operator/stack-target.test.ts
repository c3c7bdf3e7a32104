import { AccountMismatchError, ConfigError } from '../../src/errors';
import { callerAccount } from '../../src/operator/caller-account';
import { checkTargetAccount, resolveStackTarget } from '../../src/operator/stack-target';
import { configAfter, reviewed } from '../support/config-doc';
import { type FakeSts, startFakeSts } from './support/fake-sts';

const KEY = { accessKeyId: 'AKIDOPERATOR', secretAccessKey: 'operator-secret' };
const OPERATOR_ROLE = 'arn:aws:iam::111111111111:role/order-agent-operator';
const direct = configAfter(() => {});
const assumeRole = configAfter((doc) => {
  Object.assign(doc.environments.dev.access, { mode: 'assume-role', assumeRoleArn: OPERATOR_ROLE });
});

describe('resolveStackTarget', () => {
  it('resolves an environment, its full stack name and the bootstrap stack', () => {
    expect(resolveStackTarget(direct, 'dev')).toEqual({
      stack: 'order-agent-dev',
      environment: 'dev',
      accountId: '111111111111',
      region: reviewed().environments.dev.region,
    });
    expect(resolveStackTarget(direct, 'order-agent-prod').stack).toBe('order-agent-prod');
    expect(resolveStackTarget(direct, 'state').accountId).toBe('333333333333');
  });

  it("resolves a deploy-access stack by its full name, in its environment's account, assuming no role", () => {
    expect(resolveStackTarget(assumeRole, 'order-agent-dev-deploy-access')).toEqual({
      stack: 'order-agent-dev-deploy-access',
      environment: 'dev',
      accountId: '111111111111',
      region: reviewed().environments.dev.region,
    });
  });

  it('carries the role of an environment in mode assume-role, for the account check', () => {
    expect(resolveStackTarget(assumeRole, 'dev').assumeRole).toEqual({
      roleArn: OPERATOR_ROLE,
      sessionName: 'order-agent-dev-account-check',
    });
    expect(resolveStackTarget(assumeRole, 'prod')).not.toHaveProperty('assumeRole');
  });

  it.each(['qa', 'order-agent-qa-deploy-access', 'dev-deploy-access'])('refuses %s', (name) => {
    expect(() => resolveStackTarget(direct, name)).toThrow(ConfigError);
  });
});

describe('checkTargetAccount against the STS stand-in', () => {
  let sts: FakeSts;
  beforeAll(async () => {
    // Credentials of the state account, which only the dev operator role trusts.
    sts = await startFakeSts({
      account: '333333333333',
      region: 'us-east-1',
      assumableRoles: [OPERATOR_ROLE],
      ...KEY,
    });
  });
  afterAll(() => sts.stop());

  const ask = (region: string, assumed?: { roleArn: string; sessionName: string }) =>
    callerAccount({
      region,
      assumeRole: assumed,
      env: { AWS_ENDPOINT_URL_STS: sts.url },
      credentials: async () => KEY,
    });

  it('in mode assume-role, accepts the role assumed from another account', async () => {
    await expect(checkTargetAccount(resolveStackTarget(assumeRole, 'dev'), ask)).resolves.toBe(
      '111111111111',
    );
  });

  it('in mode direct, refuses credentials of another account, as before', async () => {
    const run = checkTargetAccount(resolveStackTarget(direct, 'dev'), ask);
    await expect(run).rejects.toThrow(AccountMismatchError);
    await expect(checkTargetAccount(resolveStackTarget(direct, 'dev'), ask)).rejects.toThrow(
      'refusing to run: the AWS credentials belong to account 333333333333, but order-agent-dev lives in ' +
        'account 111111111111; use credentials of that account',
    );
  });

  it('names the assumed role when its account is not the stack account', async () => {
    const target = { ...resolveStackTarget(assumeRole, 'dev'), accountId: '222222222222' };
    await expect(checkTargetAccount(target, ask)).rejects.toThrow(
      `refusing to run: the role ${OPERATOR_ROLE} assumed with these credentials belongs to account 111111111111`,
    );
  });
});
