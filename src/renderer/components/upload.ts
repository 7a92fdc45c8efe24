// Browser import (ketenlens serve): the files a user dropped or picked go to the backend with
// import.upload as base64, a few MB per call, then import.finish. Pure parts (batching, base64)
// are tested; the DOM walk over dropped folders is thin.

/** a file to send: its name with the folder it came from ("map/sub/bestand.xml") */
export interface UploadItem {
  name: string;
  size: number;
  read: () => Promise<Uint8Array>;
}

/** the contract's limits for one import.upload call */
export const MAX_FILES_PER_CALL = 200;
export const MAX_BASE64_PER_FILE = 80_000_000;
/** bytes per call before base64 (base64 makes it a third larger) */
export const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Splits files into batches of at most `maxBytes` raw bytes and `maxFiles` files, in order. A file
 * larger than maxBytes travels alone. Returns the indices per batch.
 */
export function planBatches(sizes: readonly number[], maxBytes = BATCH_BYTES, maxFiles = MAX_FILES_PER_CALL): number[][] {
  const batches: number[][] = [];
  let cur: number[] = [];
  let bytes = 0;
  sizes.forEach((size, i) => {
    if (cur.length && (bytes + size > maxBytes || cur.length >= maxFiles)) {
      batches.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(i);
    bytes += size;
  });
  if (cur.length) batches.push(cur);
  return batches;
}

/** base64 length of n bytes */
export const base64Length = (n: number) => Math.ceil(n / 3) * 4;

/** too big for one upload call: the reason in Dutch, else null */
export function tooLarge(size: number): string | null {
  return base64Length(size) > MAX_BASE64_PER_FILE ? `bestand te groot om via de browser te importeren (max. ${Math.floor((MAX_BASE64_PER_FILE / 4) * 3 / 1_000_000)} MB)` : null;
}

/** Bytes → base64 without building one huge argument list (String.fromCharCode in slices). */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let bin = '';
  for (let i = 0; i < bytes.length; i += SLICE) bin += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(bin);
}

const fileItem = (file: File, name: string): UploadItem => ({
  name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()),
});

/** files from an <input type=file> (with webkitdirectory the relative path is kept) */
export function itemsFromFileList(list: FileList | readonly File[]): UploadItem[] {
  return Array.from(list, (f) => fileItem(f, f.webkitRelativePath || f.name));
}

/** Everything dropped: files as they are, folders walked recursively (DataTransferItem.webkitGetAsEntry). */
export async function itemsFromDrop(dt: DataTransfer): Promise<UploadItem[]> {
  const entries = Array.from(dt.items, (i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null)).filter((e): e is FileSystemEntry => !!e);
  if (!entries.length) return itemsFromFileList(dt.files);
  const out: UploadItem[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push(fileItem(file, prefix + entry.name));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in portions until it returns an empty list
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}
