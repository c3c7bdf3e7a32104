import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, zipArchive } from '../../../src/assets';

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
    'zip-archive: `unzip` is not installed, so archives are not checked by an independent reader';
  if (process.env.CI) throw new Error(message);
  console.warn(`\n!!! ${message}\n`);
}
const withUnzip = hasUnzip ? it : it.skip;

function writeZip(zip: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'zip-archive-test-')), 'bundle.zip');
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

describe('zipArchive', () => {
  it('computes the IEEE CRC-32 that zip readers check', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('makes byte-identical archives from the same files, and different ones when a file changes', () => {
    expect(zipArchive(entries).equals(zipArchive(entries))).toBe(true);
    const changed = [{ name: 'index.js', data: Buffer.from('exports.handler = 1;') }, ...entries.slice(1)];
    expect(zipArchive(changed).equals(zipArchive(entries))).toBe(false);
  });

  it('compresses', () => {
    expect(zipArchive(entries).length).toBeLessThan(entries[0]!.data.length);
  });

  withUnzip('writes an archive that unzip tests clean, with every file and its exact contents', () => {
    const file = writeZip(zipArchive(entries));
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
