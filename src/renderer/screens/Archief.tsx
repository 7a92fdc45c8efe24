// Archief: import (drag-and-drop or pickers; Electron by path, the browser by upload), live progress
// with cancel, the outcome; below it the runs, counts per message type, gemeente and aanbieder
// (archive.summary) and every file with its status (archive.files, infinite grid).
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { CountRow, FileOutcomeRow, FileStatus, ImportRun } from '../../core/api/types';
import { api, isElectron } from '../api/client';
import { StatusChip, ToggleChip, type ChipTone } from '../components/Chips';
import {
  count, counted, countRowText, dutchDateTime, duration, FILE_STATUS, FILE_STATUSES, FILE_VIEW, fileSize, fileViewCounts, importedText, messageTypeText,
  rejectionText, splitPath,
} from '../components/format';
import { Grid } from '../components/Grid';
import { importSession, useImport, type ImportState } from '../components/importSession';
import { QuickFilter } from '../components/QuickFilter';
import { ErrorBox, Loading } from '../components/States';
import { itemsFromDrop, itemsFromFileList } from '../components/upload';
import { useArchiveVersion, useCall } from '../components/useCall';
import { href, navigate, type Route } from '../router';

const STATUS_TONE: Record<FileStatus, ChipTone> = { imported: 'ok', issues: 'warning', duplicate: 'neutral', rejected: 'error' };
const RUN_STATUS: Record<ImportRun['status'], string> = { running: 'loopt', done: 'klaar', cancelled: 'geannuleerd', failed: 'mislukt' };

function FileStatusChip({ status }: { status: FileStatus }) {
  return <StatusChip tone={STATUS_TONE[status]} testId={`file-status-${status}`}>{FILE_STATUS[status]}</StatusChip>;
}

// ---- import -------------------------------------------------------------------------------------

function DropZone({ disabled }: { disabled: boolean }) {
  const [over, setOver] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const electron = isElectron();

  const pick = async (kind: 'folder' | 'files') => {
    setError(null);
    const pickPaths = window.ketenlens?.pickPaths;
    if (electron && pickPaths) {
      try { await importSession.startPaths(await pickPaths(kind)); } catch (e) { setError(e); }
    } else {
      (kind === 'folder' ? folderInput : filesInput).current?.click();
    }
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    setError(null);
    try {
      const pathForFile = window.ketenlens?.pathForFile;
      if (electron && pathForFile) {
        await importSession.startPaths(Array.from(e.dataTransfer.files, (f) => pathForFile(f)).filter(Boolean));
      } else {
        await importSession.upload(await itemsFromDrop(e.dataTransfer));
      }
    } catch (err) {
      setError(err);
    }
  };

  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const files = e.target.files;
    if (files?.length) void importSession.upload(itemsFromFileList(files));
    e.target.value = '';
  };

  return (
    <div
      className={`dropzone${over ? ' over' : ''}${disabled ? ' disabled' : ''}`} data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = disabled ? 'none' : 'copy'; setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <svg width="36" height="36" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" fill="#E3ECF6" stroke="#3D6A99" strokeWidth="1.3" /><path d="M12 10v6M9.5 12.5 12 10l2.5 2.5" fill="none" stroke="#3D6A99" strokeWidth="1.5" strokeLinecap="round" /></svg>
      <div className="dropzone-text">
        <strong>Sleep een map, zip of XML-bestanden hierheen</strong>
        <span className="muted">iWmo 3.2 en iJw 3.2 berichten; een bestand dat al in het archief staat wordt herkend en overgeslagen.</span>
      </div>
      <div className="dropzone-buttons">
        <button type="button" className="button" disabled={disabled} onClick={() => pick('folder')} data-testid="pick-folder">Map kiezen…</button>
        <button type="button" className="button" disabled={disabled} onClick={() => pick('files')} data-testid="pick-files">Bestanden kiezen…</button>
      </div>
      <input ref={filesInput} type="file" multiple accept=".xml,.zip,application/xml,text/xml,application/zip" hidden onChange={onInput} data-testid="input-files" />
      <input ref={(el) => { folderInput.current = el; el?.setAttribute('webkitdirectory', ''); }} type="file" multiple hidden onChange={onInput} data-testid="input-folder" />
      {error ? <ErrorBox error={error} title="Importeren lukte niet" /> : null}
    </div>
  );
}

function ImportProgress({ s }: { s: ImportState }) {
  const p = s.progress;
  const checking = p?.phase === 'check';
  let pct: number | null = null;
  let text: string;
  if (s.phase === 'sending' && s.sent) {
    pct = s.sent.totalBytes ? (100 * s.sent.bytes) / s.sent.totalBytes : 0;
    text = `Bestanden versturen: ${count(s.sent.files)} van ${counted(s.sent.totalFiles, 'bestand', 'bestanden')} (${fileSize(s.sent.bytes)} van ${fileSize(s.sent.totalBytes)})`;
  } else if (checking) {
    pct = p.toCheck ? (100 * (p.checked ?? 0)) / p.toCheck : null;
    text = `Controleren: ${count(p.checked ?? 0)} van ${counted(p.toCheck ?? 0, 'cliënt', 'cliënten')}`;
  } else if (p) {
    pct = p.totalKnown && p.total ? (100 * p.done) / p.total : null;
    text = `Importeren: ${count(p.done)}${p.totalKnown ? ` van ${count(p.total)}` : ''} bestanden`;
  } else {
    text = 'Import starten…';
  }
  return (
    <div className="panel import-progress" data-testid="import-progress">
      <div className="import-progress-head">
        <strong data-testid="import-phase">{checking ? 'controleren' : s.phase === 'sending' ? 'versturen' : 'importeren'}</strong>
        <span>{text}</span>
        <button type="button" className="button" onClick={() => void importSession.cancel()} disabled={s.cancelling} data-testid="import-cancel">
          {s.cancelling ? 'Annuleren…' : 'Annuleren'}
        </button>
      </div>
      <div className="progressbar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct === null ? undefined : Math.round(pct)} aria-label="voortgang import">
        <div className={pct === null ? 'indeterminate' : ''} style={pct === null ? undefined : { width: `${Math.min(100, pct)}%` }} />
      </div>
      {p ? (
        <div className="import-figures" data-testid="import-figures">
          <span><strong>{count(p.messages)}</strong> berichten</span>
          <span><strong>{count(p.duplicates)}</strong> dubbel</span>
          <span className={p.rejected ? 'sev-text-error' : ''}><strong>{count(p.rejected)}</strong> geweigerd</span>
          <span>{duration(p.elapsedMs)}</span>
        </div>
      ) : null}
    </div>
  );
}

function ImportOutcome({ s }: { s: ImportState }) {
  const d = s.done;
  return (
    <div className="panel import-outcome" data-testid="import-outcome">
      <div className="import-progress-head">
        <strong>
          {d ? (d.status === 'done' ? 'Import klaar' : d.status === 'cancelled' ? 'Import geannuleerd' : 'Import mislukt') : 'Import onderbroken'}
        </strong>
        {d ? <span>{counted(d.files, 'bestand', 'bestanden')} in {duration(d.elapsedMs)} · {counted(d.clientsChecked, 'cliënt', 'cliënten')} gecontroleerd</span> : null}
        <button type="button" className="link-button" onClick={() => importSession.dismiss()} data-testid="import-dismiss">sluiten</button>
      </div>
      {d?.error ? <ErrorBox error={new Error(d.error)} title="Fout" /> : null}
      {s.error ? <ErrorBox error={s.error} /> : null}
      {d ? (
        <div className="import-figures" data-testid="outcome-figures">
          <span>
            <strong>{importedText(d.imported, d.withIssues)}</strong> · {count(d.duplicates)} {FILE_STATUS.duplicate} ·{' '}
            <span className={d.rejected ? 'sev-text-error' : ''}>{count(d.rejected)} {FILE_STATUS.rejected}</span>
          </span>
        </div>
      ) : null}
      <div className="columns">
        {d && Object.keys(d.messagesByType).length ? (
          <CountTable title="Berichten per soort" testId="outcome-by-type" rows={Object.entries(d.messagesByType).sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => ({ key, label: messageTypeText(key), count: n }))} />
        ) : null}
        {d && Object.keys(d.rejectedByReason).length ? (
          <CountTable title="Geweigerd, per reden" testId="outcome-rejected" rows={Object.entries(d.rejectedByReason).map(([key, n]) => ({ key: rejectionText(key), label: '', count: n }))} />
        ) : null}
        {s.skipped.length ? (
          <CountTable title="Niet verstuurd" testId="outcome-skipped" rows={s.skipped.map((x) => ({ key: x.name, label: `${x.name}: ${x.reason}`, count: 1 }))} />
        ) : null}
      </div>
    </div>
  );
}

// ---- summary ------------------------------------------------------------------------------------

function CountTable({ title, rows, testId, onPick }: { title: string; rows: CountRow[]; testId: string; onPick?: (key: string) => void }) {
  return (
    <section className="count-table" data-testid={testId}>
      <h3>{title}</h3>
      {rows.length ? (
        <table className="table compact">
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{onPick ? <a href="#" onClick={(e) => { e.preventDefault(); onPick(r.key); }}>{countRowText(r)}</a> : countRowText(r)}</td>
                <td className="num">{count(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <div className="muted">geen</div>}
    </section>
  );
}

function Runs({ runs }: { runs: ImportRun[] }) {
  if (!runs.length) return null;
  return (
    <section className="runs" data-testid="runs">
      <h3>Imports</h3>
      <table className="table compact">
        <thead><tr><th>#</th><th>Gestart</th><th>Klaar</th><th>Status</th><th>Bron</th><th className="num">Bestanden</th><th className="num">Geïmporteerd</th><th className="num">Dubbel</th><th className="num">Geweigerd</th></tr></thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid={`run-${r.id}`}>
              <td>{r.id}</td>
              <td>{dutchDateTime(r.startedAt)}</td>
              <td>{dutchDateTime(r.finishedAt)}</td>
              <td>{RUN_STATUS[r.status] ?? r.status}</td>
              <td className="path" title={r.paths.join('\n')}>{r.paths.length === 1 ? r.paths[0] : r.paths.length ? `${r.paths[0]} +${r.paths.length - 1}` : 'via de browser'}</td>
              <td className="num">{count(r.files)}</td>
              <td className="num">{count(r.imported)}</td>
              <td className="num">{count(r.duplicates)}</td>
              <td className={`num${r.rejected ? ' sev-text-error' : ''}`}>{count(r.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// ---- files --------------------------------------------------------------------------------------

function Files({ version, byStatus }: { version: number; byStatus: CountRow[] }) {
  // one status view at a time: "geïmporteerd" includes "waarvan met afwijkingen"
  const [view, setView] = useState<FileStatus | null>(null);
  const [quick, setQuick] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const counts = byStatus.length ? fileViewCounts(byStatus) : null;
  // the reason column is wide only when the archive holds refused files; else it fits the afwijkingen
  const wideReason = !!counts?.rejected;
  const columns = useMemo<ColDef<FileOutcomeRow>[]>(() => [
    {
      // the file name in full, its folder below it (cut at its start when it does not fit), the path on hover
      colId: 'path', field: 'path', headerName: 'Bestand', flex: 1, minWidth: 320, initialSort: 'asc', cellClass: 'cell-stack',
      cellRenderer: (p: ICellRendererParams<FileOutcomeRow>) => {
        if (!p.data) return null;
        const { folder, name } = splitPath(p.data.path);
        return (
          <>
            <span title={p.data.path}>{name}</span>
            {folder ? <span className="muted path-start" title={p.data.path}><bdi>{folder}</bdi></span> : null}
          </>
        );
      },
    },
    { colId: 'status', field: 'status', headerName: 'Status', width: 150, cellRenderer: (p: ICellRendererParams<FileOutcomeRow>) => (p.data ? <FileStatusChip status={p.data.status} /> : null) },
    {
      colId: 'type', field: 'type', headerName: 'Bericht', width: 285,
      cellRenderer: (p: ICellRendererParams<FileOutcomeRow>) => { const t = messageTypeText(p.data?.type); return t ? <span title={t}>{t}</span> : null; },
    },
    { colId: 'size', field: 'size', headerName: 'Grootte', width: 90, type: 'rightAligned', valueFormatter: (p) => fileSize(p.value) },
    {
      colId: 'reason', field: 'reason', headerName: 'Reden', sortable: false, ...(wideReason ? { flex: 1, minWidth: 300 } : { width: 220 }),
      cellRenderer: (p: ICellRendererParams<FileOutcomeRow>) => <span className={p.data?.status === 'rejected' ? 'sev-text-error' : 'muted'} title={p.data?.reason ?? undefined}>{p.data?.reason}</span>,
    },
    { colId: 'run', field: 'run', headerName: 'Import', width: 100, type: 'rightAligned' },
  ], [wideReason]);
  return (
    <section className="files" data-testid="files">
      <div className="page-head">
        <h2>Bestanden</h2>
        <span className="page-count" data-testid="files-count">{total === null ? '' : counted(total, 'bestand', 'bestanden')}</span>
      </div>
      <div className="toolbar">
        <QuickFilter value={quick} onChange={setQuick} placeholder="Zoek in map of bestandsnaam" testId="files-quick" />
        <div className="chips" role="group" aria-label="Status">
          {FILE_STATUSES.map((st) => (
            <ToggleChip key={st} active={view === st} onClick={() => setView(view === st ? null : st)} testId={`chip-status-${st}`}>
              {FILE_VIEW[st].label}{counts ? ` (${count(counts[st])})` : ''}
            </ToggleChip>
          ))}
        </div>
        <span className="toolbar-hint">Klik op een bestand om het bericht te openen</span>
      </div>
      <Grid<FileOutcomeRow>
        testId="files-grid"
        columns={columns}
        queryKey={JSON.stringify([view, quick, version])}
        fetchPage={(q) => api().call('archive.files', { ...q, status: view ? FILE_VIEW[view].statuses : undefined, quick: quick || undefined })}
        defaultSort={[{ col: 'path', dir: 'asc' }]}
        rowHeight={46}
        onTotal={setTotal}
        onOpen={(row) => { if (row.messageId) navigate(href('bericht', row.messageId)); }}
        rowId={(row) => String(row.id)}
        emptyText={view || quick ? 'Geen bestanden bij dit filter.' : 'Nog geen bestanden geïmporteerd.'}
      />
    </section>
  );
}

export function ArchiefScreen(_props: { route: Route }) {
  const s = useImport();
  const version = useArchiveVersion();
  const summary = useCall('archive.summary', {}, version);
  const busy = s.phase === 'sending' || s.phase === 'running';
  const d = summary.data;
  return (
    <div className="page page-archief" data-testid="screen-archief">
      <div className="page-head"><h1>Archief</h1></div>
      <DropZone disabled={busy} />
      {busy ? <ImportProgress s={s} /> : null}
      {s.phase === 'done' || (s.phase === 'idle' && s.error) ? <ImportOutcome s={s} /> : null}
      {summary.error ? <ErrorBox error={summary.error} /> : null}
      {!d && summary.loading ? <Loading /> : null}
      {d ? (
        <>
          <Runs runs={d.runs} />
          <div className="columns" data-testid="archive-summary">
            <CountTable title="Berichten per soort" rows={d.byType} testId="summary-by-type" />
            <CountTable title="Per gemeente (code)" rows={d.byGemeente} testId="summary-by-gemeente" onPick={(g) => navigate(href('clienten', null, { gemeente: g }))} />
            <CountTable title="Per aanbieder (AGB)" rows={d.byAanbieder} testId="summary-by-aanbieder" onPick={(a) => navigate(href('clienten', null, { aanbieder: a }))} />
          </div>
        </>
      ) : null}
      <Files version={version} byStatus={d?.byStatus ?? []} />
    </div>
  );
}
