// createBackend(): the one implementation of the contract (src/core/api/contract.ts) over the
// archive. Hosts (Electron main, the HTTP bridge, the CLI, the tests' local client) validate a
// call with validateCall and hand the parsed arguments to backend.api[method].
import type { Api, Backend } from '../../api/contract';
import { openStore, type Store } from '../../store/store';
import { refreshClientSummary, staleSummaries, summaryMissing } from '../../store/queries-summary';
import { todayIso } from '../check';
import { clientGet, clientsList, clientTimeline } from './clients';
import type { Ctx } from './context';
import { declaratieGet } from './declaratie';
import { diffGet } from './diff';
import { Emitter } from './events';
import { findingsCsv, findingsFacets, findingsList } from './findings';
import { appInfo, checksList, countsOf } from './info';
import { archiveFiles, archiveSummary, importCancel, importFinish, importStart, importUpload } from './imports';
import { messageFields, messageGet, messageLines } from './messages';

export interface BackendOptions {
  /** the archive file (created when missing), or an open Store (the caller closes it) */
  db: string | Store;
  /** "today" for the deadline checks (default: the system date, taken at each check) */
  today?: string;
  /** worker threads for import and checks (default: one per core) */
  workers?: number;
}

export function createBackend(options: BackendOptions): Backend {
  const own = typeof options.db === 'string';
  const store = typeof options.db === 'string' ? openStore(options.db) : options.db;
  store.closeAbandonedRuns();
  // an archive from before the client summary: build it once; rows another program made stale: rebuild those
  if (summaryMissing(store)) refreshClientSummary(store);
  else {
    const stale = staleSummaries(store);
    if (stale.length > 0) refreshClientSummary(store, stale);
  }
  const emitter = new Emitter();
  const ctx: Ctx = { store, emitter, today: () => options.today ?? todayIso(), workers: options.workers, job: null, cache: new Map(), closing: false };
  countsOf(ctx); // count the archive now, not in the first page's first call

  const api: Api = {
    'app.info': async () => appInfo(ctx),
    'checks.list': async () => checksList(),
    'import.start': (a) => importStart(ctx, a),
    'import.upload': (a) => importUpload(ctx, a),
    'import.finish': (a) => importFinish(ctx, a),
    'import.cancel': async () => importCancel(ctx),
    'archive.summary': async () => archiveSummary(ctx),
    'archive.files': async (a) => archiveFiles(ctx, a),
    'clients.list': async (a) => clientsList(ctx, a),
    'client.get': async (a) => clientGet(ctx, a.bsn),
    'client.timeline': async (a) => clientTimeline(ctx, a),
    'findings.list': async (a) => findingsList(ctx, a),
    'findings.facets': async (a) => findingsFacets(ctx, a),
    'findings.csv': async (a) => findingsCsv(ctx, a),
    'message.get': async (a) => messageGet(ctx, a),
    'message.lines': async (a) => messageLines(ctx, a),
    'message.fields': async (a) => messageFields(ctx, a),
    'declaratie.get': async (a) => declaratieGet(ctx, a),
    'diff.get': async (a) => diffGet(ctx, a),
  };

  let closed = false;
  return {
    api,
    on: (event, listener) => emitter.on(event, listener),
    async close() {
      if (closed) return;
      closed = true;
      ctx.closing = true;
      const job = ctx.job;
      if (job) {
        job.abort.abort();
        await job.settled().catch(() => undefined);
      }
      emitter.clear();
      if (own) store.close();
    },
  };
}
