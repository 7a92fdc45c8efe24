// `ketenlens import <path...> --db FILE` and `ketenlens files --db FILE`.
import { importPaths, rejectLabel, type ImportProgress, type ImportSummary } from '../core/import/importer';
import { openStore, type Store } from '../core/store/store';
import { checkClientsParallel } from '../core/backend/check';

function fmtInt(n: number): string {
  return n.toLocaleString('nl-NL');
}

export function progressPrinter(isTty: boolean, write: (s: string) => void): { onProgress: (p: ImportProgress) => void; end: () => void } {
  let lastLine = 0;
  return {
    onProgress: (p) => {
      const pct = p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
      const rate = p.elapsedMs > 0 ? Math.round(p.messages / (p.elapsedMs / 1000)) : 0;
      const text = `${p.totalKnown ? '' : '≥'}${fmtInt(p.done)}/${fmtInt(p.total)} bestanden (${pct}%), ${fmtInt(p.messages)} berichten, ` +
        `${fmtInt(p.duplicates)} dubbel, ${fmtInt(p.rejected)} geweigerd, ${(p.bytes / 1e6).toFixed(1)} MB, ${fmtInt(rate)} berichten/s`;
      if (isTty) {
        const width = 24;
        const filled = Math.round((pct / 100) * width);
        write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      } else if (p.elapsedMs - lastLine >= 2000 && !p.totalKnown) {
        lastLine = p.elapsedMs;
        write(`${text}\n`);
      }
    },
    end: () => { if (isTty) write('\n'); },
  };
}

export function printSummary(s: ImportSummary, schemaVersion: number, out: (s: string) => void): void {
  const secs = s.elapsedMs / 1000;
  out(`Import ${s.status === 'done' ? 'klaar' : s.status === 'cancelled' ? 'afgebroken' : 'mislukt'} (run ${s.run}, schemaversie ${schemaVersion}) in ${secs.toFixed(1)} s`);
  out(`  ${fmtInt(s.files)} bestanden: ${fmtInt(s.imported)} geïmporteerd (${fmtInt(s.withIssues)} met afwijkingen), ${fmtInt(s.duplicates)} dubbel, ${fmtInt(s.rejected)} geweigerd`);
  for (const [code, n] of Object.entries(s.rejectedByReason).sort((a, b) => b[1] - a[1])) out(`    geweigerd, ${rejectLabel(code)}: ${fmtInt(n)}`);
  const types = Object.entries(s.messagesByType).sort();
  if (types.length > 0) out(`  berichten per type: ${types.map(([t, n]) => `${t} ${fmtInt(n)}`).join(', ')}`);
  out(`  ${(s.bytes / 1e6).toFixed(1)} MB gelezen, ${fmtInt(Math.round(s.messagesPerSecond))} berichten/s`);
  if (s.error) out(`  fout: ${s.error}`);
}

export async function runImport(paths: string[], db: string, opts: { workers?: number; maxBytes?: number; json: boolean; check?: boolean; today?: string }, out: (s: string) => void, err: (s: string) => void): Promise<ImportSummary> {
  const store = openStore(db);
  const ac = new AbortController();
  const onSig = () => { ac.abort(); err('\nafbreken: de lopende batch wordt nog opgeslagen …\n'); };
  process.once('SIGINT', onSig);
  try {
    const printer = progressPrinter(!opts.json && Boolean(process.stderr.isTTY), err);
    const summary = await importPaths(store, paths, {
      workers: opts.workers, maxBytes: opts.maxBytes, signal: ac.signal, onProgress: opts.json ? undefined : printer.onProgress,
    });
    printer.end();
    let checked: { clients: number; errors: number; warnings: number; infos: number } | undefined;
    if (opts.check !== false && summary.touchedClients.length > 0) {
      const t0 = performance.now();
      checked = await checkClientsParallel(store, summary.touchedClients, { today: opts.today, workers: opts.workers });
      if (!opts.json) out(`  ${checked.clients} cliënt(en) getoetst in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${checked.errors} fouten, ${checked.warnings} waarschuwingen, ${checked.infos} informatief (ketenlens check --db ${db})`);
    }
    if (opts.json) out(JSON.stringify({ ...summary, touchedClients: summary.touchedClients.length, ...(checked ? { checked } : {}), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2));
    else printSummary(summary, store.schemaInfo().version, out);
    return summary;
  } finally {
    process.off('SIGINT', onSig);
    store.close();
  }
}

export function runFiles(db: string, opts: { status?: string; run?: number; format: 'table' | 'json' }, out: (s: string) => void): void {
  const store: Store = openStore(db, { readonly: true });
  try {
    // without --run: every distinct file in the archive (one row per content); with --run: that run's outcomes
    const rows = (opts.run === undefined
      ? store.db.prepare(`SELECT path, status, reason, size, sha256 FROM files ${opts.status ? 'WHERE status = ?' : ''} ORDER BY id`)
        .all(...(opts.status ? [opts.status] : []))
      : store.db.prepare(`SELECT path, status, reason, size, sha256 FROM file_outcomes WHERE run_id = ? ${opts.status ? 'AND status = ?' : ''} ORDER BY id`)
        .all(...(opts.status ? [opts.run, opts.status] : [opts.run]))) as
      { path: string; status: string; reason: string | null; size: number | null; sha256: string | null }[];
    if (opts.format === 'json') {
      out(JSON.stringify({ ...(opts.run !== undefined ? { run: opts.run } : {}), files: rows.map((r) => ({ path: r.path, status: r.status, ...(r.reason ? { reason: r.reason } : {}), size: r.size, sha256: r.sha256 })) }, null, 2));
      return;
    }
    const label: Record<string, string> = { imported: 'geïmporteerd', issues: 'met afwijkingen', duplicate: 'dubbel', rejected: 'GEWEIGERD' };
    for (const r of rows) out(`${(label[r.status] ?? r.status).padEnd(16)} ${r.path}${r.reason ? `\n${' '.repeat(17)}${r.reason}` : ''}`);
    out(`${rows.length} bestanden ${opts.run !== undefined ? `in run ${opts.run}` : 'in het archief'}${opts.status ? ` met status ${opts.status}` : ''}`);
  } finally {
    store.close();
  }
}
