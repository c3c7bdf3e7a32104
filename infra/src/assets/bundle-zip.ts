import { zipSync } from 'fflate';

/** One file of a zip archive. */
export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  readonly name: string;
  readonly data: Buffer;
}

/**
 * A deflated, deterministic zip of the entries, in the order given, made in-process by fflate (cdktf's ARCHIVE
 * assets start a Node.js process per asset: twice the synth time, docs/decisions/zip-library.md). Every entry
 * gets the same timestamp (1980-01-01 00:00, the earliest a zip holds) and the mode of a regular file
 * (rw-r--r--), so the same files make byte-identical archives and the asset hash changes only when a file does.
 */
export function bundleZip(entries: readonly ZipEntry[]): Buffer {
  const files = Object.fromEntries(entries.map((entry) => [entry.name, new Uint8Array(entry.data)]));
  return Buffer.from(
    zipSync(files, { level: 9, mtime: new Date(1980, 0, 1), os: UNIX, attrs: REGULAR_FILE }),
  );
}

/** "Made by" Unix, so readers apply the mode in `attrs`. */
const UNIX = 3;
const REGULAR_FILE = (0o100644 << 16) >>> 0;
