// Cliënten: every client of the archive in a grid paged from SQLite (clients.list), most errors
// first; quick filter on BSN, name or ToewijzingNummer; chips for standard and "alleen met fouten".
// The filter lives in the address (#/clienten?q=…&standard=iJw&fouten=1). A row opens the client.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { ClientRow } from '../../core/api/types';
import { api } from '../api/client';
import { ToggleChip } from '../components/Chips';
import { clientFilterFromParams, clientFilterToParams, type ClientFilter } from '../components/filters';
import { counted, dutchDate, count, SEVERITY } from '../components/format';
import { Grid } from '../components/Grid';
import { QuickFilter } from '../components/QuickFilter';
import { SeverityIcon } from '../components/Severity';
import { useArchiveVersion } from '../components/useCall';
import { useMask } from '../mask';
import { href, navigate, type Route } from '../router';

const STANDARD_TEXT: Record<ClientRow['standard'], string> = { iWmo: 'iWmo', iJw: 'iJw', beide: 'iWmo + iJw' };

/** a text that may not fit its cell, whole on hover */
function titled(text: string | null | undefined) {
  return text ? <span title={text}>{text}</span> : null;
}

function Count({ n, severity }: { n: number; severity: 'error' | 'warning' }) {
  if (!n) return <span className="muted">0</span>;
  return <span className={`sev-count sev-text-${severity}`} title={`${count(n)} ${n === 1 ? SEVERITY[severity].word : SEVERITY[severity].plural}`}><SeverityIcon severity={severity} />{count(n)}</span>;
}

export function ClientenScreen({ route }: { route: Route }) {
  const filter = clientFilterFromParams(route.params);
  const setFilter = (f: ClientFilter) => navigate(href('clienten', null, clientFilterToParams(f)), { replace: true });
  const version = useArchiveVersion();
  const { show } = useMask();
  const [total, setTotal] = useState<number | null>(null);

  const columns = useMemo<ColDef<ClientRow>[]>(() => [
    { colId: 'bsn', field: 'bsn', headerName: 'BSN', width: 110, cellClass: 'mono', valueFormatter: (p) => show(p.value) },
    { colId: 'name', field: 'name', headerName: 'Naam', flex: 1, minWidth: 180, cellRenderer: (p: ICellRendererParams<ClientRow>) => (p.data ? titled(p.data.name || '—') : null) },
    { colId: 'standard', field: 'standard', headerName: 'Standaard', width: 110, valueFormatter: (p) => (p.value ? STANDARD_TEXT[p.value as ClientRow['standard']] : '') },
    // no code list names gemeenten or aanbieders (the standard does not carry them): the codes, said so
    { colId: 'gemeente', field: 'gemeente', headerName: 'Gemeente (code)', width: 165, cellClass: 'mono', cellRenderer: (p: ICellRendererParams<ClientRow>) => titled(p.data?.gemeente) },
    { colId: 'aanbieder', field: 'aanbieder', headerName: 'Aanbieder (AGB)', width: 150, cellClass: 'mono', cellRenderer: (p: ICellRendererParams<ClientRow>) => titled(p.data?.aanbieder) },
    { colId: 'toewijzingen', field: 'toewijzingen', headerName: 'Toewijzingen', width: 125, type: 'rightAligned' },
    { colId: 'messages', field: 'messages', headerName: 'Berichten', width: 105, type: 'rightAligned' },
    {
      colId: 'errors', field: 'errors', headerName: 'Fouten', width: 100, initialSort: 'desc', sortingOrder: ['desc', 'asc'],
      cellRenderer: (p: ICellRendererParams<ClientRow>) => (p.data ? <Count n={p.data.errors} severity="error" /> : null),
    },
    {
      colId: 'warnings', field: 'warnings', headerName: 'Waarschuwingen', width: 150, sortingOrder: ['desc', 'asc'],
      cellRenderer: (p: ICellRendererParams<ClientRow>) => (p.data ? <Count n={p.data.warnings} severity="warning" /> : null),
    },
    { colId: 'lastDate', field: 'lastDate', headerName: 'Laatste bericht', width: 160, sortingOrder: ['desc', 'asc'], valueFormatter: (p) => dutchDate(p.value) },
  ], [show]);

  const std = filter.standard;
  return (
    <div className="page page-grid" data-testid="screen-clienten">
      <div className="page-head">
        <h1>Cliënten</h1>
        <span className="page-count" data-testid="clients-count">{total === null ? '' : counted(total, 'cliënt', 'cliënten')}</span>
      </div>
      <div className="toolbar">
        <QuickFilter
          value={filter.quick ?? ''} testId="clients-quick" placeholder="Zoek op BSN, naam of ToewijzingNummer"
          onChange={(q) => setFilter({ ...filter, quick: q || undefined })}
        />
        <div className="chips" role="group" aria-label="Filters">
          <ToggleChip active={std === 'iWmo'} testId="chip-standard-iWmo" onClick={() => setFilter({ ...filter, standard: std === 'iWmo' ? undefined : 'iWmo' })}>iWmo</ToggleChip>
          <ToggleChip active={std === 'iJw'} testId="chip-standard-iJw" onClick={() => setFilter({ ...filter, standard: std === 'iJw' ? undefined : 'iJw' })}>iJw</ToggleChip>
          <ToggleChip active={!!filter.withErrors} testId="chip-with-errors" onClick={() => setFilter({ ...filter, withErrors: filter.withErrors ? undefined : true })}>alleen met fouten</ToggleChip>
          {filter.gemeente ? <ToggleChip active testId="chip-gemeente" onClick={() => setFilter({ ...filter, gemeente: undefined })}>gemeente {filter.gemeente}</ToggleChip> : null}
          {filter.aanbieder ? <ToggleChip active testId="chip-aanbieder" onClick={() => setFilter({ ...filter, aanbieder: undefined })}>aanbieder {filter.aanbieder}</ToggleChip> : null}
        </div>
        <span className="toolbar-hint">Klik of Enter op een rij opent de tijdlijn</span>
      </div>
      <Grid<ClientRow>
        testId="clients-grid"
        columns={columns}
        queryKey={JSON.stringify([filter, version])}
        fetchPage={(q) => api().call('clients.list', { ...q, filter })}
        defaultSort={[{ col: 'errors', dir: 'desc' }]}
        onTotal={setTotal}
        onOpen={(row) => navigate(href('client', row.bsn))}
        rowId={(row) => row.bsn}
        emptyText={Object.keys(filter).length ? 'Geen cliënten bij dit filter.' : <>Nog geen cliënten: importeer berichten via <a href={href('archief')}>Archief</a>.</>}
      />
    </div>
  );
}
