// import.start / upload / finish / cancel, archive.summary and archive.files. One import at a time:
// a path import runs in the background from import.start; an upload run stays open from its first
// import.upload until import.finish (or until it has been idle for UPLOAD_IDLE_MS). When the files
// are in, the touched clients are re-checked, their summary rows rebuilt, and import.done and
// findings.changed are sent.
import type { ParsedArgs } from '../../api/contract';
import type { ArchiveSummary, CountRow, FileOutcomeRow, ImportDoneEvent, ImportProgressEvent, ImportRun, Page, Standard } from '../../api/types';
import { messageCode, messageLabel } from '../../domain/names';
import type { MessageType } from '../../domain/schema/types';
import { importItems, importPaths, uploadedItems, type ImportProgress, type ImportSummary } from '../../import/importer';
import { refreshClientSummary } from '../../store/queries-summary';
import { checkClientsParallel } from '../check';
import { apiError, likeText, orderBy, Where, type Ctx, type ImportJob } from './context';
import { partyLabel } from './labels';

/** an upload run without a call for this long is finished by the next import */
export const UPLOAD_IDLE_MS = 120_000;
const PROGRESS_MS = 250;

/** what a run has done so far (an upload run adds up its calls) */
interface Totals {
  t0: number;
  files: number; bytes: number; imported: number; withIssues: number; duplicates: number; rejected: number;
  rejectedByReason: Record<string, number>;
  messagesByType: Record<string, number>;
  touched: Set<string>;
  status: 'done' | 'cancelled' | 'failed';
  error?: string;
}

interface Job extends ImportJob {
  totals: Totals;
  /** a path import: its whole background run */
  done?: Promise<void>;
  /** upload calls run one after the other */
  queue: Promise<unknown>;
  lastActivity: number;
  finishing?: Promise<void>;
}

const newTotals = (): Totals => ({
  t0: performance.now(), files: 0, bytes: 0, imported: 0, withIssues: 0, duplicates: 0, rejected: 0, rejectedByReason: {}, messagesByType: {},
  touched: new Set(), status: 'done',
});

function addSummary(t: Totals, s: ImportSummary): void {
  t.files += s.files; t.bytes += s.bytes; t.imported += s.imported; t.withIssues += s.withIssues; t.duplicates += s.duplicates; t.rejected += s.rejected;
  for (const [k, n] of Object.entries(s.rejectedByReason)) t.rejectedByReason[k] = (t.rejectedByReason[k] ?? 0) + n;
  for (const [k, n] of Object.entries(s.messagesByType)) {
    const [std, type] = k.split(' ') as [Standard, MessageType];
    const code = messageCode(std, type);
    t.messagesByType[code] = (t.messagesByType[code] ?? 0) + n;
  }
  for (const b of s.touchedClients) t.touched.add(b);
  if (s.status !== 'done' && t.status === 'done') { t.status = s.status; if (s.error) t.error = s.error; }
}

/** The run's progress from its totals so far (between the calls of an upload run, and while checking). */
function totalsProgress(job: Job, phase: 'import' | 'check'): ImportProgressEvent {
  const t = job.totals;
  return {
    run: job.run, total: t.files, totalKnown: phase === 'check', done: t.files, bytes: t.bytes, messages: t.imported, duplicates: t.duplicates,
    rejected: t.rejected, elapsedMs: performance.now() - t.t0, phase,
  };
}

/** The importer's progress of one call, added to what the run's earlier calls did (an upload run has many). */
function progressEmitter(ctx: Ctx, job: Job) {
  const base = totalsProgress(job, 'import');
  return (p: ImportProgress) => {
    job.lastActivity = Date.now();
    ctx.emitter.emit('import.progress', {
      ...base, total: p.total + base.total, totalKnown: p.totalKnown, done: p.done + base.done, bytes: p.bytes + base.bytes, messages: p.messages + base.messages,
      duplicates: p.duplicates + base.duplicates, rejected: p.rejected + base.rejected, elapsedMs: performance.now() - job.totals.t0,
    });
  };
}

async function currentOrStale(ctx: Ctx): Promise<void> {
  const job = ctx.job as Job | null;
  if (!job) return;
  if (job.kind === 'upload' && !job.finishing && Date.now() - job.lastActivity > UPLOAD_IDLE_MS) {
    await job.queue.catch(() => undefined);
    await finishJob(ctx, job);
    return;
  }
  throw apiError('busy', job.kind === 'upload'
    ? `er loopt al een import (run ${job.run}, bestanden uit de browser); wacht tot die klaar is`
    : `er loopt al een import (run ${job.run}); wacht tot die klaar is of annuleer hem`);
}

function newJob(ctx: Ctx, kind: Job['kind'], paths: string[]): Job {
  const run = ctx.store.startRun(paths);
  const job: Job = {
    run, kind, abort: new AbortController(), totals: newTotals(), queue: Promise.resolve(), lastActivity: Date.now(),
    settled: () => job.done ?? job.finishing ?? job.queue,
  };
  ctx.job = job;
  return job;
}

export async function importStart(ctx: Ctx, args: ParsedArgs<'import.start'>): Promise<{ run: number }> {
  await currentOrStale(ctx);
  const job = newJob(ctx, 'paths', args.paths);
  job.done = (async () => {
    try {
      const s = await importPaths(ctx.store, args.paths, {
        run: job.run, signal: job.abort.signal, workers: ctx.workers, today: ctx.today(), onProgress: progressEmitter(ctx, job), progressIntervalMs: PROGRESS_MS,
      });
      addSummary(job.totals, s);
    } catch (e) {
      job.totals.status = 'failed';
      job.totals.error = (e as Error).message;
    }
    await finishJob(ctx, job);
  })();
  return { run: job.run };
}

export async function importUpload(ctx: Ctx, args: ParsedArgs<'import.upload'>): Promise<{ run: number; received: number }> {
  let job = ctx.job as Job | null;
  if (args.run !== undefined) {
    if (!job || job.kind !== 'upload' || job.run !== args.run || job.finishing) {
      throw apiError('not-found', `importrun ${args.run} is niet (meer) open; begin een nieuwe import`);
    }
  } else {
    await currentOrStale(ctx);
    job = newJob(ctx, 'upload', ['(bestanden uit de browser)']);
  }
  const j = job;
  j.lastActivity = Date.now();
  const files = args.files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
  const step = j.queue.then(async () => {
    if (j.abort.signal.aborted) return;
    const s = await importItems(ctx.store, uploadedItems(files), {
      run: j.run, signal: j.abort.signal, workers: files.length < 50 ? 0 : ctx.workers, today: ctx.today(), total: files.length,
      onProgress: progressEmitter(ctx, j), progressIntervalMs: PROGRESS_MS,
    });
    addSummary(j.totals, s);
    j.lastActivity = Date.now();
    // however fast the call was, the screen hears what the run holds now
    ctx.emitter.emit('import.progress', totalsProgress(j, 'import'));
  });
  j.queue = step.catch(() => undefined);
  try {
    await step;
  } catch (e) {
    throw apiError('failed', `bestanden konden niet worden geïmporteerd: ${(e as Error).message}`);
  }
  return { run: j.run, received: files.length };
}

export async function importFinish(ctx: Ctx, args: ParsedArgs<'import.finish'>): Promise<{ run: number }> {
  const job = ctx.job as Job | null;
  if (!job || job.kind !== 'upload' || job.run !== args.run) throw apiError('not-found', `importrun ${args.run} is niet (meer) open`);
  await job.queue;
  await finishJob(ctx, job);
  return { run: args.run };
}

export function importCancel(ctx: Ctx): { cancelled: boolean } {
  const job = ctx.job as Job | null;
  if (!job) return { cancelled: false };
  job.abort.abort();
  job.totals.status = 'cancelled';
  if (job.kind === 'upload') void job.queue.then(() => finishJob(ctx, job));
  return { cancelled: true };
}

/** Re-checks the touched clients, rebuilds their summary rows, closes the run and sends import.done and findings.changed. */
function finishJob(ctx: Ctx, job: Job): Promise<void> {
  job.finishing ??= (async () => {
    const t = job.totals;
    const touched = [...t.touched];
    let clientsChecked = 0;
    // when the backend closes, the files already written stay and the checks are left to the next import
    if (!ctx.closing) {
      try {
        ctx.emitter.emit('import.progress', { ...totalsProgress(job, 'check'), checked: 0, toCheck: touched.length });
        let last = performance.now();
        const r = await checkClientsParallel(ctx.store, touched, {
          today: ctx.today(), workers: ctx.workers,
          onProgress: (done, total) => {
            const now = performance.now();
            if (now - last < PROGRESS_MS && done < total) return;
            last = now;
            ctx.emitter.emit('import.progress', { ...totalsProgress(job, 'check'), checked: done, toCheck: total });
          },
        });
        clientsChecked = r.clients;
        refreshClientSummary(ctx.store, touched);
      } catch (e) {
        t.status = 'failed';
        t.error = `controle na de import mislukt: ${(e as Error).message}`;
      }
    }
    const done: ImportDoneEvent = {
      run: job.run, status: t.status, files: t.files, imported: t.imported, withIssues: t.withIssues, duplicates: t.duplicates,
      rejected: t.rejected, rejectedByReason: t.rejectedByReason, messagesByType: t.messagesByType, elapsedMs: performance.now() - t.t0,
      clientsChecked, ...(t.error ? { error: t.error } : {}),
    };
    try { ctx.store.finishRun(job.run, t.status, done); } catch { /* the archive was closed */ }
    ctx.cache.clear();
    if (ctx.job === job) ctx.job = null;
    ctx.emitter.emit('import.done', done);
    ctx.emitter.emit('findings.changed', { clients: clientsChecked });
  })();
  return job.finishing;
}

// ---- archive --------------------------------------------------------------------------------------

const STATUS_LABEL: Record<string, string> = { imported: 'geïmporteerd', issues: 'met afwijkingen', duplicate: 'dubbel', rejected: 'geweigerd' };

export function archiveSummary(ctx: Ctx): ArchiveSummary {
  const db = ctx.store.db;
  const counts = (ctx.cache.get('summary') as Omit<ArchiveSummary, 'runs'> | undefined) ?? (() => {
    const c = {
      byType: (db.prepare('SELECT standard, type, COUNT(*) AS n FROM messages GROUP BY standard, type ORDER BY standard, type').all() as { standard: Standard; type: MessageType; n: number }[])
        .map((r): CountRow => ({ key: messageCode(r.standard, r.type), label: messageLabel(r.standard, r.type), count: r.n })),
      byGemeente: (db.prepare('SELECT gemeente AS k, COUNT(*) AS n FROM messages WHERE gemeente IS NOT NULL GROUP BY gemeente ORDER BY n DESC, k').all() as { k: string; n: number }[])
        .map((r) => ({ key: r.k, label: partyLabel('gemeente', r.k), count: r.n })),
      byAanbieder: (db.prepare('SELECT aanbieder AS k, COUNT(*) AS n FROM messages WHERE aanbieder IS NOT NULL GROUP BY aanbieder ORDER BY n DESC, k').all() as { k: string; n: number }[])
        .map((r) => ({ key: r.k, label: partyLabel('aanbieder', r.k), count: r.n })),
      byStatus: (db.prepare('SELECT status AS k, COUNT(*) AS n FROM file_outcomes GROUP BY status').all() as { k: string; n: number }[])
        .map((r) => ({ key: r.k, label: STATUS_LABEL[r.k] ?? r.k, count: r.n }))
        .sort((a, b) => Object.keys(STATUS_LABEL).indexOf(a.key) - Object.keys(STATUS_LABEL).indexOf(b.key)),
    };
    if (!ctx.job) ctx.cache.set('summary', c);
    return c;
  })();
  return { runs: importRuns(ctx, 50), ...counts };
}

export function importRuns(ctx: Ctx, limit: number): ImportRun[] {
  const db = ctx.store.db;
  const runs = db.prepare('SELECT id, started_at, finished_at, status, paths FROM import_runs ORDER BY id DESC LIMIT ?').all(limit) as
    { id: number; started_at: string; finished_at: string | null; status: ImportRun['status']; paths: string }[];
  const per = db.prepare('SELECT status, COUNT(*) AS n FROM file_outcomes WHERE run_id = ? GROUP BY status');
  return runs.map((r) => {
    const c: Record<string, number> = {};
    for (const x of per.all(r.id) as { status: string; n: number }[]) c[x.status] = x.n;
    return {
      id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, paths: JSON.parse(r.paths) as string[],
      files: (c.imported ?? 0) + (c.issues ?? 0) + (c.duplicate ?? 0) + (c.rejected ?? 0), imported: (c.imported ?? 0) + (c.issues ?? 0),
      duplicates: c.duplicate ?? 0, rejected: c.rejected ?? 0,
    };
  });
}

const FILE_SORT: Record<string, string> = { id: 'o.id', run: 'o.run_id', path: 'o.path', size: 'o.size', status: 'o.status', type: 'm.type', reason: 'o.reason' };

export function archiveFiles(ctx: Ctx, args: ParsedArgs<'archive.files'>): Page<FileOutcomeRow> {
  const db = ctx.store.db;
  const w = new Where();
  if (args.run !== undefined) w.add('o.run_id = ?', args.run);
  w.in('o.status', args.status);
  const q = args.quick?.trim();
  if (q) w.add("o.path LIKE ? ESCAPE '\\'", `%${likeText(q)}%`);
  const total = db.prepare(`SELECT COUNT(*) FROM file_outcomes o ${w.sql}`).pluck().get(...w.params) as number;
  const rows = db.prepare(`SELECT o.id, o.run_id, o.path, o.size, o.status, o.reason, m.id AS message_id, m.standard, m.type, m.level1, m.level2_errors
    FROM file_outcomes o LEFT JOIN messages m ON m.file_id = o.file_id ${w.sql}
    ORDER BY ${orderBy(args.sort, FILE_SORT, 'o.id', 'o.id')} LIMIT ? OFFSET ?`).all(...w.params, args.limit, args.offset) as {
      id: number; run_id: number; path: string; size: number | null; status: FileOutcomeRow['status']; reason: string | null; message_id: number | null;
      standard: Standard | null; type: MessageType | null; level1: number | null; level2_errors: number | null;
    }[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id, run: r.run_id, path: r.path, size: r.size, status: r.status,
      reason: r.reason ?? (r.status === 'issues' ? issuesSummary(r.level1 ?? 0, r.level2_errors ?? 0) : null),
      messageId: r.message_id, type: r.standard && r.type ? messageCode(r.standard, r.type) : null, standard: r.standard,
    })),
  };
}

function issuesSummary(level1: number, level2: number): string {
  const parts: string[] = [];
  if (level1 > 0) parts.push(`${level1} afwijking${level1 === 1 ? '' : 'en'} t.o.v. het XSD`);
  if (level2 > 0) parts.push(`${level2} fout${level2 === 1 ? '' : 'en'} in het bericht`);
  return parts.join(', ') || 'met afwijkingen';
}
