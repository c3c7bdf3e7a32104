import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

type Input = string | ArrayBuffer | ArrayBufferView;

/**
 * SHA-256 (or HMAC-SHA-256 when given a secret) in the shape `@smithy/signature-v4` expects of its `sha256`
 * constructor, on node:crypto (the same shim as apps/kb-apply-steps: no crypto package added for it).
 */
export class NodeSha256 {
  private hash: Hash | Hmac;

  public constructor(private readonly secret?: Input) {
    this.hash = this.create();
  }

  public update(data: Input): void {
    this.hash.update(toBuffer(data));
  }

  public async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  public reset(): void {
    this.hash = this.create();
  }

  private create(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
}

function toBuffer(data: Input): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
