// Reads the entries of a .zip archive in memory (never extracted to disk), with limits against
// zip bombs: entry count, total uncompressed size, compression ratio and per-entry size. yauzl
// reads the central directory first, so a bomb is refused from its declared sizes before any
// byte is inflated, and it checks that the inflated size matches the declared one.
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** uncompressed / compressed, per entry (XML compresses 10–50×; a bomb 1000× and more) */
  maxRatio: number;
  /** a single entry larger than this is reported as too large, without being inflated */
  maxEntryBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000_000,
  maxTotalBytes: 20 * 1024 ** 3,
  maxRatio: 500,
  maxEntryBytes: 200 * 1024 * 1024,
};

export interface ZipEntryFile {
  /** path inside the archive, e.g. "2025/okt/JW301_1.xml" */
  name: string;
  size: number;
  mtime: Date;
  /** the bytes, or undefined when the entry was refused (see refused) */
  bytes?: Uint8Array;
  refused?: string;
}

export class ZipRefused extends Error {}

function open(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('onbekende fout'));
      else resolve(zip);
    });
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) { reject(err ?? new Error('onbekende fout')); return; }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

/**
 * Yields every file entry of the archive. Throws ZipRefused (with a Dutch reason) when the
 * archive as a whole is refused, or an Error when it cannot be read.
 */
export async function* zipEntries(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): AsyncGenerator<ZipEntryFile> {
  const zip = await open(path);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ZipRefused(`zip-archief geweigerd: ${zip.entryCount} bestanden, meer dan het maximum van ${limits.maxEntries}`);
    }
    let total = 0;
    const next = (): Promise<Entry | null> => new Promise((resolve, reject) => {
      const onEntry = (e: Entry) => { cleanup(); resolve(e); };
      const onEnd = () => { cleanup(); resolve(null); };
      const onError = (e: Error) => { cleanup(); reject(e); };
      const cleanup = () => { zip.off('entry', onEntry); zip.off('end', onEnd); zip.off('error', onError); };
      zip.on('entry', onEntry); zip.on('end', onEnd); zip.on('error', onError);
      zip.readEntry();
    });
    for (let entry = await next(); entry; entry = await next()) {
      if (entry.fileName.endsWith('/')) continue; // a folder
      const size = entry.uncompressedSize;
      const mtime = entry.getLastModDate();
      total += size;
      if (total > limits.maxTotalBytes) {
        throw new ZipRefused(`zip-archief geweigerd: uitgepakt meer dan ${limits.maxTotalBytes} bytes (zip-bom?)`);
      }
      const ratio = entry.compressedSize > 0 ? size / entry.compressedSize : size > 0 ? Infinity : 0;
      if (size > 1024 * 1024 && ratio > limits.maxRatio) {
        throw new ZipRefused(`zip-archief geweigerd: ${entry.fileName} pakt ${Math.round(ratio)}× uit (maximaal ${limits.maxRatio}×): zip-bom`);
      }
      if (size > limits.maxEntryBytes) {
        yield { name: entry.fileName, size, mtime, refused: `bestand is ${size} bytes, groter dan het plafond van ${limits.maxEntryBytes} bytes` };
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readEntry(zip, entry);
      } catch (e) {
        yield { name: entry.fileName, size, mtime, refused: `niet uit te pakken: ${(e as Error).message}` };
        continue;
      }
      yield { name: entry.fileName, size, mtime, bytes };
    }
  } finally {
    zip.close();
  }
}
