import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { SigV4Signer } from '../../src/store/sigv4-signer';

// The reference is AWS's own signer (@smithy/signature-v4, a test-only dependency): for the same request, the same
// headers and the same Authorization, byte for byte.

const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const NOW = new Date('2026-11-30T07:45:12.345Z');

async function referenceSignature(
  request: { url: URL; headers: Record<string, string>; body: string },
  options: { region: string; service: string; sessionToken?: string; now: Date },
): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: options.service,
    region: options.region,
    credentials: { ...CREDENTIALS, ...(options.sessionToken && { sessionToken: options.sessionToken }) },
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      path: request.url.pathname,
      headers: { host: request.url.host, ...request.headers },
      body: request.body,
    },
    { signingDate: options.now },
  );
  return signed.headers;
}

function dynamoDbPost(body: string) {
  return {
    url: new URL('https://dynamodb.eu-west-1.amazonaws.com/'),
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': String(Buffer.byteLength(body)),
      'x-amz-target': 'DynamoDB_20120810.GetItem',
    },
    body,
  };
}

describe('SigV4Signer', () => {
  it('signs a DynamoDB call exactly as @smithy/signature-v4 does', async () => {
    const request = dynamoDbPost(
      '{"TableName":"orders","Key":{"orderId":{"S":"ORD-1001"}},"ConsistentRead":true}',
    );
    const signer = new SigV4Signer({ service: 'dynamodb', region: 'eu-west-1', credentials: CREDENTIALS });
    const headers = signer.sign(request, NOW);
    expect(headers).toEqual(
      await referenceSignature(request, { service: 'dynamodb', region: 'eu-west-1', now: NOW }),
    );
    expect(headers['x-amz-date']).toBe('20261130T074512Z');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261130\/eu-west-1\/dynamodb\/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
  });

  it('adds and signs the session token of temporary credentials', async () => {
    const request = dynamoDbPost('{}');
    const credentials = { ...CREDENTIALS, sessionToken: 'token-of-the-lambda-role' };
    const headers = new SigV4Signer({ service: 'dynamodb', region: 'eu-west-1', credentials }).sign(
      request,
      NOW,
    );
    expect(headers['x-amz-security-token']).toBe('token-of-the-lambda-role');
    expect(headers.authorization).toContain(
      'SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-security-token;',
    );
    expect(headers).toEqual(
      await referenceSignature(request, {
        service: 'dynamodb',
        region: 'eu-west-1',
        sessionToken: 'token-of-the-lambda-role',
        now: NOW,
      }),
    );
  });

  it("matches AWS's published post-vanilla example of the SigV4 test suite", () => {
    const signer = new SigV4Signer({ service: 'service', region: 'us-east-1', credentials: CREDENTIALS });
    const headers = signer.sign(
      { url: new URL('https://example.amazonaws.com/'), headers: {}, body: '' },
      new Date('2015-08-30T12:36:00Z'),
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    );
  });

  it('agrees with @smithy/signature-v4 for any body, header value, date, region and endpoint', async () => {
    const signer = new Map<string, SigV4Signer>();
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.string({ minLength: 1 }).filter((value) => value.trim() !== ''),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2'),
        fc.constantFrom(
          'https://dynamodb.us-east-1.amazonaws.com/',
          'http://127.0.0.1:8000/',
          'http://[::1]:4566/',
        ),
        async (body, target, now, region, endpoint) => {
          // One signer per region across runs: its cached signing key must follow the date.
          const own =
            signer.get(region) ?? new SigV4Signer({ service: 'dynamodb', region, credentials: CREDENTIALS });
          signer.set(region, own);
          const request = { url: new URL(endpoint), headers: { 'x-amz-target': ` \t${target}  x\t` }, body };
          expect(own.sign(request, now)).toEqual(
            await referenceSignature(request, { service: 'dynamodb', region, now }),
          );
        },
      ),
    );
  });

  it('refuses a URL with a query string, which it does not sign', () => {
    const signer = new SigV4Signer({ service: 'dynamodb', region: 'eu-west-1', credentials: CREDENTIALS });
    expect(() => signer.sign({ url: new URL('https://example.com/?a=1'), headers: {}, body: '' })).toThrow(
      'SigV4Signer signs no query string (?a=1)',
    );
  });
});
