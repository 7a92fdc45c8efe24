// Imports files, folders and zips into the archive. The main thread reads and hashes; a pool of
// worker threads parses (readMessage + single-message rules + records); one writer stores each
// batch in one transaction. A kill at any moment leaves whole batches; importing the same paths
// again stores only what is missing (same bytes are stored once, by sha256).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { DEFAULT_MAX_BYTES, type RejectionCode } from '../domain/message/model';
import type { BatchItem, Store } from '../store/store';
import { parseFile, type ParseChunk, type ParseOutcome, type ParseTask } from './parse-task';
import { sourceItems, type SourceItem } from './sources';
import type { ZipLimits } from './zip';

export interface ImportProgress {
  /** files found so far (the walk runs ahead) and whether the walk is complete */
  total: number;
  totalKnown: boolean;
  done: number;
  bytes: number;
  messages: number;
  duplicates: number;
  rejected: number;
  elapsedMs: number;
}

export interface ImportSummary {
  run: number;
  status: 'done' | 'cancelled' | 'failed';
  files: number;
  imported: number;
  withIssues: number;
  duplicates: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  messagesByType: Record<string, number>;
  bytes: number;
  elapsedMs: number;
  messagesPerSecond: number;
  /** BSNs of the clients whose messages this run stored (for re-checking only those) */
  touchedClients: string[];
  error?: string;
}

export interface ImportOptions {
  /** worker threads; 0 parses on the calling thread (default: one per core) */
  workers?: number;
  maxBytes?: number;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  progressIntervalMs?: number;
  zip?: Partial<ZipLimits>;
  /** the bundled worker (dist/import-worker.mjs); found automatically */
  workerFile?: string;
  today?: string;
}

/** dist/import-worker.mjs next to the running bundle, or under the package root (tests run from src/). */
export function findWorkerFile(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'import-worker.mjs'), join(here, '..', '..', '..', 'dist', 'import-worker.mjs')];
  return candidates.find((c) => existsSync(c));
}

const REJECT_LABEL: Record<string, string> = {
  unreadable: 'onleesbaar', empty: 'leeg', 'too-large': 'te groot', binary: 'binair', encoding: 'codering', doctype: 'DOCTYPE',
  'not-xml': 'geen (welgevormde) XML', truncated: 'afgekapt', 'not-a-message': 'geen bericht', 'other-release': 'andere release',
  'unknown-message': 'onbekend berichttype',
};

/** Counts the files under the paths without reading them (for the progress total). */
function countFiles(paths: string[]): number {
  let n = 0;
  const seen = new Set<string>();
  const visit = (p: string) => {
    let entries;
    try { entries = readdirSync(p, { withFileTypes: true }); } catch { n++; return; }
    if (seen.has(p)) return;
    seen.add(p);
    for (const e of entries) {
      if (e.isDirectory()) visit(join(p, e.name));
      else if (e.isSymbolicLink()) n += 0; // followed by the real walk; not counted here
      else n++;
    }
  };
  for (const p of paths) visit(p);
  return n;
}

export async function importPaths(store: Store, paths: string[], options: Omit<ImportItemsOptions, 'paths' | 'total'> = {}): Promise<ImportSummary> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // the total: counted up front for folders (cheap); zips and symlinks add to it as they are read
  let total = 0;
  try { total = countFiles(paths); } catch { /* progress without a total */ }
  return importItems(store, sourceItems(paths, { maxBytes, zip: options.zip }), { ...options, paths, total });
}

/** A file a browser sent (drag-and-drop in serve mode): its name as given and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The items of uploaded files: each file under its own name; a .zip is opened with the same
 * limits as a zip on disk (through a temporary file that is removed afterwards), its entries as
 * "name.zip!/entry".
 */
export async function* uploadedItems(files: UploadedFile[], options: { maxBytes?: number; zip?: Partial<ZipLimits> } = {}): AsyncGenerator<SourceItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const f of files) {
    if (f.bytes.length > maxBytes && !/\.zip$/i.test(f.name)) {
      yield { path: f.name, size: f.bytes.length, mtime: null, problem: `bestand is ${f.bytes.length} bytes, groter dan het plafond van ${maxBytes} bytes` };
    } else if (/\.zip$/i.test(f.name)) {
      const dir = mkdtempSync(join(tmpdir(), 'ketenlens-upload-'));
      const file = join(dir, 'upload.zip');
      try {
        writeFileSync(file, f.bytes);
        for await (const item of sourceItems([file], { maxBytes, zip: options.zip })) {
          yield { ...item, path: item.path === file ? f.name : `${f.name}${item.path.slice(file.length)}` };
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      yield { path: f.name, size: f.bytes.length, mtime: null, bytes: f.bytes };
    }
  }
}

export interface ImportItemsOptions extends ImportOptions {
  /** an open run to add to: the caller started it (store.startRun) and finishes it; without it a run is started and finished here */
  run?: number;
  /** the paths recorded with a new run */
  paths?: string[];
  /** the number of items, when known in advance (for the progress total) */
  total?: number;
}

/** Imports items (files read from disk, or uploaded) through the one pipeline: hash, dedupe, parse in the pool, write in batches. */
export async function importItems(store: Store, items: AsyncIterable<SourceItem>, options: ImportItemsOptions = {}): Promise<ImportSummary> {
  const t0 = performance.now();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchSize = options.batchSize ?? 500;
  const workers = options.workers ?? availableParallelism();
  const workerFile = workers > 0 ? (options.workerFile ?? findWorkerFile()) : undefined;
  const pool = workerFile ? new Piscina({ filename: workerFile, minThreads: workers, maxThreads: workers, idleTimeout: 1000 }) : null;
  // files travel to the workers in chunks: one round trip costs about as much as parsing one file
  const chunkFiles = 48;
  const chunkBytes = 512 * 1024;
  const maxInflight = Math.max(2, workers * 3);

  const ownRun = options.run === undefined;
  if (ownRun) store.closeAbandonedRuns();
  const run = options.run ?? store.startRun(options.paths ?? []);
  const summary: ImportSummary = {
    run, status: 'done', files: 0, imported: 0, withIssues: 0, duplicates: 0, rejected: 0, rejectedByReason: {}, messagesByType: {},
    bytes: 0, elapsedMs: 0, messagesPerSecond: 0, touchedClients: [],
  };
  const touched = new Set<string>();
  const progress: ImportProgress = { total: 0, totalKnown: false, done: 0, bytes: 0, messages: 0, duplicates: 0, rejected: 0, elapsedMs: 0 };
  let lastProgress = 0;
  const emit = (force = false) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < (options.progressIntervalMs ?? 250)) return;
    lastProgress = now;
    progress.elapsedMs = now - t0;
    options.onProgress({ ...progress });
  };
  progress.total = options.total ?? 0;

  const pending: BatchItem[] = [];
  const inRun = new Map<string, string>(); // sha256 -> first path in this run (not yet stored)
  const flush = () => {
    if (pending.length === 0) return;
    const items = pending.splice(0);
    store.writeBatch(run, items);
    for (const it of items) {
      inRunDone(it);
      const o = it.outcome;
      if (o.status === 'duplicate') summary.duplicates++;
      else if (o.status === 'rejected') summary.rejected++;
      else {
        summary.imported++;
        if (o.status === 'issues') summary.withIssues++;
        if (it.record) {
          const k = `${it.record.standard} ${it.record.type}`;
          summary.messagesByType[k] = (summary.messagesByType[k] ?? 0) + 1;
          for (const b of it.record.bsns) touched.add(b);
        }
      }
    }
  };
  const inRunDone = (it: BatchItem) => { if (it.file) inRun.delete(it.file.sha256); };

  const reject = (item: SourceItem, code: RejectionCode | 'unreadable', reason: string, sha: string | null, bytes: Uint8Array | null) => {
    summary.rejectedByReason[code] = (summary.rejectedByReason[code] ?? 0) + 1;
    progress.rejected++;
    pending.push({
      outcome: { path: item.path, size: item.size, mtime: item.mtime, sha256: sha, status: 'rejected', reason },
      file: sha && bytes ? { sha256: sha, size: item.size, raw: bytes, path: item.path, mtime: item.mtime, status: 'rejected', reason, rejectCode: code } : undefined,
    });
  };

  const accept = (item: SourceItem, sha: string, bytes: Uint8Array, outcome: ParseOutcome) => {
    progress.done++;
    if (!outcome.ok) { reject(item, outcome.code, outcome.reason, sha, bytes); return; }
    const issues = outcome.record.level1 > 0 || outcome.record.issues.some((i) => i.severity === 'error');
    progress.messages++;
    pending.push({
      outcome: { path: item.path, size: item.size, mtime: item.mtime, sha256: sha, status: issues ? 'issues' : 'imported', reason: null },
      file: { sha256: sha, size: item.size, raw: bytes, path: item.path, mtime: item.mtime, status: issues ? 'issues' : 'imported', reason: null, rejectCode: null },
      record: outcome.record,
    });
  };

  const inflight = new Set<Promise<void>>();
  let chunk: { item: SourceItem; sha: string; bytes: Uint8Array; task: ParseTask }[] = [];
  let chunkSize = 0;
  const submit = async () => {
    if (!pool || chunk.length === 0) return;
    const mine = chunk;
    chunk = [];
    chunkSize = 0;
    const payload: ParseChunk = { tasks: mine.map((c) => c.task) };
    const p: Promise<void> = pool.run(payload).then(
      (outcomes: ParseOutcome[]) => mine.forEach((c, i) => accept(c.item, c.sha, c.bytes, outcomes[i])),
      (e: Error) => mine.forEach((c) => { progress.done++; reject(c.item, 'unreadable', `kon niet worden verwerkt: ${e.message}`, c.sha, c.bytes); }),
    ).finally(() => inflight.delete(p));
    inflight.add(p);
    if (inflight.size >= maxInflight) await Promise.race(inflight);
  };
  let failure: Error | undefined;
  try {
    for await (const item of items) {
      if (options.signal?.aborted) { summary.status = 'cancelled'; break; }
      summary.files++;
      if (summary.files > progress.total) progress.total = summary.files;
      if (!item.bytes) {
        progress.done++;
        reject(item, item.problem?.includes('plafond') ? 'too-large' : 'unreadable', item.problem ?? 'niet leesbaar', null, null);
      } else {
        const bytes = item.bytes;
        summary.bytes += bytes.length;
        progress.bytes += bytes.length;
        const sha = createHash('sha256').update(bytes).digest('hex');
        const firstInRun = inRun.get(sha);
        if (firstInRun !== undefined || store.hasSha(sha)) {
          progress.done++;
          progress.duplicates++;
          pending.push({
            outcome: {
              path: item.path, size: item.size, mtime: item.mtime, sha256: sha, status: 'duplicate',
              reason: firstInRun !== undefined ? `zelfde inhoud als ${firstInRun}` : 'al in het archief (zelfde inhoud)',
            },
          });
        } else {
          inRun.set(sha, item.path);
          const task: ParseTask = { bytes, path: item.path, maxBytes, today: options.today };
          if (!pool) {
            accept(item, sha, bytes, parseFile(task));
          } else {
            chunk.push({ item, sha, bytes, task });
            chunkSize += bytes.length;
            if (chunk.length >= chunkFiles || chunkSize >= chunkBytes) await submit();
          }
        }
      }
      if (pending.length >= batchSize) flush();
      emit();
    }
    progress.totalKnown = true;
    await submit();
    await Promise.all(inflight);
    flush();
  } catch (e) {
    failure = e as Error;
    await Promise.allSettled(inflight);
    try { flush(); } catch { /* the batch that failed is not stored; the run is marked failed */ }
    summary.status = 'failed';
    summary.error = failure.message;
  } finally {
    await pool?.destroy();
  }
  summary.elapsedMs = performance.now() - t0;
  summary.messagesPerSecond = summary.imported / (summary.elapsedMs / 1000 || 1);
  summary.touchedClients = [...touched];
  if (ownRun) store.finishRun(run, summary.status, { ...summary, touchedClients: summary.touchedClients.length });
  progress.totalKnown = true;
  emit(true);
  return summary;
}

export function rejectLabel(code: string): string {
  return REJECT_LABEL[code] ?? code;
}
