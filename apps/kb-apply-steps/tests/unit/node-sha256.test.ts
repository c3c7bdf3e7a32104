import { NodeSha256 } from '../../src';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('NodeSha256', () => {
  it('hashes like SHA-256 (FIPS 180-2 "abc" vector), across several updates and byte views', async () => {
    const hash = new NodeSha256();
    hash.update(new Uint8Array([0x61]).buffer);
    hash.update('b');
    hash.update(new TextEncoder().encode('xcx').subarray(1, 2));
    expect(hex(await hash.digest())).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('computes HMAC-SHA-256 with a secret (RFC 4231 test case 2) and starts over after reset', async () => {
    const hmac = new NodeSha256('Jefe');
    hmac.update('ignored before reset');
    hmac.reset();
    hmac.update('what do ya want for nothing?');
    expect(hex(await hmac.digest())).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
