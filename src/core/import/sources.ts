// Enumerates what an import reads: files as given, folders walked recursively (stable order,
// symlink loops survived), .zip archives read in memory with bomb limits (folders inside zips
// included). Every item either carries a way to get its bytes or the reason it cannot be read.
import { openSync, readSync, closeSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_ZIP_LIMITS, ZipRefused, zipEntries, type ZipLimits } from './zip';

export interface SourceItem {
  /** display path; zip entries as "archief.zip!/map/bestand.xml" */
  path: string;
  size: number;
  mtime: string | null;
  /** the bytes; undefined together with `problem` */
  bytes?: Uint8Array;
  problem?: string;
}

export interface SourceOptions {
  maxBytes: number;
  zip?: Partial<ZipLimits>;
}

/** Reads a whole file of known size (the caller has checked it against the ceiling). */
function readFileBytes(path: string, size: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

const isZip = (p: string) => /\.zip$/i.test(p);

export async function* sourceItems(paths: string[], options: SourceOptions): AsyncGenerator<SourceItem> {
  const seenDirs = new Set<string>();
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: options.maxBytes, ...options.zip };

  async function* visit(p: string): AsyncGenerator<SourceItem> {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      yield { path: p, size: 0, mtime: null, problem: `niet leesbaar: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try { real = realpathSync(p); } catch { real = resolve(p); }
      if (seenDirs.has(real)) return; // a symlink loop or the same folder twice
      seenDirs.add(real);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch (e) {
        yield { path: p, size: 0, mtime: null, problem: `map niet leesbaar: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
        return;
      }
      for (const n of names) yield* visit(join(p, n));
      return;
    }
    if (!st.isFile()) return;
    const mtime = st.mtime.toISOString();
    if (isZip(p)) {
      try {
        for await (const e of zipEntries(p, limits)) {
          yield { path: `${p}!/${e.name}`, size: e.size, mtime: e.mtime.toISOString(), bytes: e.bytes, problem: e.refused };
        }
      } catch (e) {
        const reason = e instanceof ZipRefused ? e.message : `zip-archief onleesbaar: ${(e as Error).message}`;
        yield { path: p, size: st.size, mtime, problem: reason };
      }
      return;
    }
    if (st.size > options.maxBytes) {
      yield { path: p, size: st.size, mtime, problem: `bestand is ${st.size} bytes, groter dan het plafond van ${options.maxBytes} bytes` };
      return;
    }
    try {
      yield { path: p, size: st.size, mtime, bytes: readFileBytes(p, st.size) };
    } catch (e) {
      yield { path: p, size: st.size, mtime, problem: `niet leesbaar: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
  }

  for (const p of paths) yield* visit(p);
}
