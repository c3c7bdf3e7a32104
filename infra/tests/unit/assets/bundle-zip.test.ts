import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleZip } from '../../../src/assets';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasUnzip) {
  const message =
    'bundle-zip: `unzip` is not installed, so archives are not checked by an independent reader';
  if (process.env.CI) throw new Error(message);
  console.warn(`\n!!! ${message}\n`);
}
const withUnzip = hasUnzip ? it : it.skip;

function writeZip(zip: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bundle-zip-test-')), 'bundle.zip');
  writeFileSync(file, zip);
  return file;
}

const entries = [
  {
    name: 'index.js',
    data: Buffer.from(`exports.handler = async () => ${JSON.stringify('x'.repeat(5000))};\n`),
  },
  { name: 'index.js.map', data: Buffer.from('{"version":3,"sources":[],"mappings":""}') },
  { name: 'empty.txt', data: Buffer.alloc(0) },
];

describe('bundleZip', () => {
  it('records the IEEE CRC-32 that zip readers check (local header, offset 14)', () => {
    const crcOf = (data: Buffer) => bundleZip([{ name: 'f', data }]).readUInt32LE(14);
    expect(crcOf(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crcOf(Buffer.alloc(0))).toBe(0);
  });

  it('makes byte-identical archives from the same files, and different ones when a file changes', () => {
    expect(bundleZip(entries).equals(bundleZip(entries))).toBe(true);
    const changed = [{ name: 'index.js', data: Buffer.from('exports.handler = 1;') }, ...entries.slice(1)];
    expect(bundleZip(changed).equals(bundleZip(entries))).toBe(false);
  });

  it('compresses', () => {
    expect(bundleZip(entries).length).toBeLessThan(entries[0]!.data.length);
  });

  withUnzip('writes an archive that unzip tests clean, with every file and its exact contents', () => {
    const file = writeZip(bundleZip(entries));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const listing = execFileSync('zipinfo', ['-1', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual(['index.js', 'index.js.map', 'empty.txt']);
    for (const entry of entries) {
      expect(execFileSync('unzip', ['-p', file, entry.name])).toEqual(entry.data);
    }
    // Regular files readable by the Lambda runtime's user.
    expect(execFileSync('zipinfo', [file, 'index.js'], { encoding: 'utf8' })).toMatch(/^-rw-r--r--/);
  });
});
