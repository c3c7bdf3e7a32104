import { CallerIdentityError } from '../../src/errors';
import { callerAccount } from '../../src/operator/caller-account';
import { type FakeSts, startFakeSts } from './support/fake-sts';

const KEY = { accessKeyId: 'AKIDPLATFORMTEAM', secretAccessKey: 'platform-team-secret' };

describe('callerAccount', () => {
  let sts: FakeSts;
  beforeAll(async () => {
    sts = await startFakeSts({ account: '111111111111', region: 'us-east-1', ...KEY });
  });
  afterAll(() => sts.stop());

  const ask = (credentials = KEY) =>
    callerAccount({
      region: 'us-east-1',
      env: { AWS_ENDPOINT_URL_STS: sts.url },
      credentials: async () => credentials,
    });

  it('asks STS GetCallerIdentity with a valid SigV4 signature and returns the account', async () => {
    await expect(ask()).resolves.toBe('111111111111');
    expect(sts.requests.at(-1)).toBe('POST Action=GetCallerIdentity&Version=2011-06-15');
  });

  it('reads the endpoint override the SDK and the Terraform provider read', async () => {
    const before = sts.requests.length;
    await callerAccount({
      region: 'us-east-1',
      env: { AWS_ENDPOINT_URL: sts.url },
      credentials: async () => KEY,
    });
    expect(sts.requests.length).toBe(before + 1);
  });

  it("reports STS's refusal (bad credentials) with its code and message", async () => {
    const refused = ask({ ...KEY, secretAccessKey: 'wrong' });
    await expect(refused).rejects.toThrow(CallerIdentityError);
    await expect(ask({ ...KEY, secretAccessKey: 'wrong' })).rejects.toThrow(
      'STS GetCallerIdentity failed: HTTP 403 InvalidClientTokenId: The security token included in the request is invalid.',
    );
  });

  it('reports missing credentials in one line', async () => {
    const none = callerAccount({
      region: 'us-east-1',
      env: { AWS_ENDPOINT_URL_STS: sts.url },
      credentials: () =>
        Promise.reject(new Error('Could not load credentials from any providers\nmore detail')),
    });
    await expect(none).rejects.toThrow(
      'no AWS credentials found (Could not load credentials from any providers)',
    );
  });

  it('reports an endpoint that does not answer', async () => {
    const stopped = await startFakeSts({ account: '111111111111', region: 'us-east-1', ...KEY });
    await stopped.stop();
    const unanswered = callerAccount({
      region: 'us-east-1',
      env: { AWS_ENDPOINT_URL_STS: stopped.url },
      credentials: async () => KEY,
    });
    await expect(unanswered).rejects.toThrow(`STS at ${stopped.url} did not answer`);
  });
});

describe('callerAccount with a role to assume', () => {
  const ROLE = 'arn:aws:iam::111111111111:role/order-agent-operator';
  let sts: FakeSts;
  beforeAll(async () => {
    // The caller is in the state account; only ROLE, in the dev account, trusts it.
    sts = await startFakeSts({
      account: '333333333333',
      region: 'us-east-1',
      assumableRoles: [ROLE],
      ...KEY,
    });
  });
  afterAll(() => sts.stop());

  const assume = (roleArn: string) =>
    callerAccount({
      region: 'us-east-1',
      assumeRole: { roleArn, sessionName: 'order-agent-dev-account-check' },
      env: { AWS_ENDPOINT_URL_STS: sts.url },
      credentials: async () => KEY,
    });

  it("assumes the role and answers the account of the assumed role's session, asked with its credentials", async () => {
    const before = sts.requests.length;
    await expect(assume(ROLE)).resolves.toBe('111111111111');
    expect(sts.requests.slice(before)).toEqual([
      'POST Action=GetCallerIdentity&Version=2011-06-15',
      `POST Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(ROLE)}` +
        '&RoleSessionName=order-agent-dev-account-check&DurationSeconds=900',
      'POST Action=GetCallerIdentity&Version=2011-06-15',
    ]);
  });

  it('says in one line who could not assume which role, and why', async () => {
    const other = 'arn:aws:iam::111111111111:role/not-trusting';
    const refused = assume(other);
    await expect(refused).rejects.toThrow(CallerIdentityError);
    await expect(assume(other)).rejects.toThrow(
      `arn:aws:iam::333333333333:user/platform could not assume ${other}: STS AssumeRole failed: HTTP 403 ` +
        `AccessDenied: User: arn:aws:iam::333333333333:user/platform is not authorized to perform: ` +
        `sts:AssumeRole on resource: ${other}`,
    );
  });
});
