// Bevindingen: every finding of the archive. Left the facet list (counts by SQL GROUP BY through
// findings.facets: Ernst, Controle — the "group by check" —, Standaard, Gemeente, Aanbieder, Periode),
// right the grid (findings.list, infinite). The filter lives in the address:
// #/bevindingen?severity=error&check=CHK-T06&bsn=…&from=…&to=…&q=…
// A row opens the client's timeline at the finding; "bekijk bericht" opens the message at the element.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { FindingFacets, FindingRow } from '../../core/api/types';
import { api } from '../api/client';
import { ToggleChip } from '../components/Chips';
import { collectCsv, downloadText, todayInNl } from '../components/csv';
import { DateField } from '../components/DateField';
import { FacetGroup } from '../components/Facets';
import {
  activeFilterCount, facetQueries, findingFilterFromParams, findingFilterToParams, isFacetActive, toggleFacet,
  type FacetGroup as Group, type FindingFilter,
} from '../components/filters';
import { count, counted, countRowText, csvFileName, dutchDate, findingExplanation, messageTypeText, retourcodeText, SEVERITIES, SEVERITY, splitDates } from '../components/format';
import { Grid } from '../components/Grid';
import { QuickFilter } from '../components/QuickFilter';
import { SeverityLabel } from '../components/Severity';
import { ErrorBox } from '../components/States';
import { useArchiveVersion } from '../components/useCall';
import { findingMessageHref } from '../evidence/links';
import { useMask } from '../mask';
import { href, navigate, type Route } from '../router';

const GROUPS: readonly Group[] = ['severity', 'check', 'standard', 'gemeente', 'aanbieder'];
const FACET_KEY: Record<Group, keyof Omit<FindingFacets, 'total'>> = {
  severity: 'bySeverity', check: 'byCheck', standard: 'byStandard', gemeente: 'byGemeente', aanbieder: 'byAanbieder',
};

/** the facet counts for the filter: each active group counted without its own values */
function useFacets(filter: FindingFilter, version: number): { facets: Partial<FindingFacets> | null; error: unknown } {
  const [state, setState] = useState<{ facets: Partial<FindingFacets> | null; error: unknown }>({ facets: null, error: null });
  const key = JSON.stringify([filter, version]);
  useEffect(() => {
    let live = true;
    const queries = facetQueries(filter, GROUPS);
    Promise.all(queries.map((q) => api().call('findings.facets', { filter: q.filter }))).then(
      (answers) => {
        if (!live) return;
        const facets: Partial<FindingFacets> = {};
        answers.forEach((a, i) => { for (const g of queries[i].groups) facets[FACET_KEY[g]] = a[FACET_KEY[g]]; });
        setState({ facets, error: null });
      },
      (error: unknown) => { if (live) setState({ facets: null, error }); },
    );
    return () => { live = false; };
  }, [key]);
  return state;
}

/** a text that wraps in its cell, each date kept on one line */
function Wrapping({ text, title, className }: { text: string; title: string; className?: string }) {
  return <span className={className} title={title}>{splitDates(text).map((part, i) => (i % 2 ? <span key={i} className="nowrap">{part}</span> : part))}</span>;
}

function MessagesCell({ row }: { row: FindingRow }) {
  const first = row.messages[0];
  if (!first) return <span className="muted">—</span>;
  const others = row.messages.slice(1);
  // the link on the first line, "+N andere" (listed on hover) below it: the cell is a stack (cell-stack)
  return (
    <>
      <a href={findingMessageHref(row.id, first)} data-testid="finding-message-link" title={`${messageTypeText(first.type)} · ${first.file}`}>bekijk bericht ›</a>
      {others.length ? <span className="muted" title={others.map((m) => `${messageTypeText(m.type)} · ${m.file}`).join('\n')}>+{others.length} {others.length === 1 ? 'ander' : 'andere'}</span> : null}
    </>
  );
}

export function BevindingenScreen({ route }: { route: Route }) {
  const filter = findingFilterFromParams(route.params);
  const setFilter = (f: FindingFilter) => navigate(href('bevindingen', null, findingFilterToParams(f)), { replace: true });
  const toggle = (g: Group) => (key: string) => setFilter(toggleFacet(filter, g, key));
  const active = (g: Group) => (key: string) => isFacetActive(filter, g, key);
  const version = useArchiveVersion();
  const { facets, error: facetError } = useFacets(filter, version);
  const { show, masked } = useMask();
  const [total, setTotal] = useState<number | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  const columns = useMemo<ColDef<FindingRow>[]>(() => [
    {
      colId: 'severity', field: 'severity', headerName: 'Ernst', width: 140,
      cellRenderer: (p: ICellRendererParams<FindingRow>) => (p.data ? <SeverityLabel severity={p.data.severity} /> : null),
    },
    { colId: 'check', field: 'check', headerName: 'Controle', width: 95, cellClass: 'strong' },
    {
      // the code only; its label (LDT_RetourCode) on hover
      colId: 'retourcode', field: 'retourcode', headerName: 'Retourcode', width: 110,
      cellRenderer: (p: ICellRendererParams<FindingRow>) => {
        const code = p.data?.retourcode;
        return code ? <span className="code-label" title={retourcodeText(code, p.data?.standard)}><span className="code">{code}</span></span> : null;
      },
    },
    { colId: 'bsn', field: 'bsn', headerName: 'Cliënt', width: 100, cellClass: 'mono', valueFormatter: (p) => show(p.value) },
    { colId: 'date', field: 'date', headerName: 'Datum', width: 100, valueFormatter: (p) => dutchDate(p.value) },
    {
      colId: 'title', field: 'title', headerName: 'Titel', flex: 2, minWidth: 160, cellClass: 'cell-lines',
      cellRenderer: (p: ICellRendererParams<FindingRow>) => (p.data ? <Wrapping text={p.data.title} title={p.data.title} /> : null),
    },
    {
      // what was found and expected, plainly (else the detail); the full detail on hover
      colId: 'detail', field: 'detail', headerName: 'Toelichting', flex: 3, minWidth: 220, sortable: false, cellClass: 'cell-lines',
      cellRenderer: (p: ICellRendererParams<FindingRow>) => {
        if (!p.data) return null;
        const { text, tooltip } = findingExplanation(p.data);
        return <Wrapping className="muted" text={text} title={tooltip} />;
      },
    },
    {
      colId: 'messages', headerName: 'Berichten', width: 150, sortable: false, cellClass: 'cell-stack',
      cellRenderer: (p: ICellRendererParams<FindingRow>) => (p.data ? <MessagesCell row={p.data} /> : null),
    },
  ], [show]);

  const exportCsv = async () => {
    setExportError(null);
    setExporting('Exporteren…');
    try {
      const text = await collectCsv(
        (offset, limit) => api().call('findings.csv', { filter, mask: masked, offset, limit }),
        (done, all) => setExporting(`Exporteren… ${count(done)} van ${count(all)}`),
      );
      downloadText(text, csvFileName(todayInNl(), masked));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(null);
    }
  };

  const sevRows = [...(facets?.bySeverity ?? [])].sort((a, b) => SEVERITIES.indexOf(a.key as never) - SEVERITIES.indexOf(b.key as never));
  return (
    <div className="page page-split" data-testid="screen-bevindingen">
      <aside className="facets" aria-label="Filters">
        <div className="facets-head">
          <h2>Filters</h2>
          {activeFilterCount(filter) ? <button type="button" className="link-button" onClick={() => setFilter({})} data-testid="filters-clear">wissen</button> : null}
        </div>
        {facetError ? <ErrorBox error={facetError} /> : null}
        <FacetGroup
          group="severity" title="Ernst" rows={sevRows} isActive={active('severity')} onToggle={toggle('severity')}
          render={(r) => <SeverityLabel severity={r.key as keyof typeof SEVERITY} plural />}
        />
        <FacetGroup
          group="check" title="Controle" rows={facets?.byCheck ?? []} isActive={active('check')} onToggle={toggle('check')}
          render={(r) => <span className="facet-check"><strong>{r.key}</strong> <span className="muted">{r.label !== r.key ? r.label : ''}</span></span>}
        />
        <FacetGroup group="standard" title="Standaard" rows={facets?.byStandard ?? []} isActive={active('standard')} onToggle={toggle('standard')} render={(r) => r.key} />
        <FacetGroup group="gemeente" title="Gemeente (code)" rows={facets?.byGemeente ?? []} isActive={active('gemeente')} onToggle={toggle('gemeente')} render={countRowText} />
        <FacetGroup group="aanbieder" title="Aanbieder (AGB)" rows={facets?.byAanbieder ?? []} isActive={active('aanbieder')} onToggle={toggle('aanbieder')} render={countRowText} />
        <section className="facet-group">
          <h3>Periode</h3>
          <label className="date-field">van
            <DateField value={filter.from} label="Periode van" testId="facet-from" onChange={(from) => setFilter({ ...filter, from })} />
          </label>
          <label className="date-field">tot en met
            <DateField value={filter.to} label="Periode tot en met" testId="facet-to" onChange={(to) => setFilter({ ...filter, to })} />
          </label>
        </section>
      </aside>
      <section className="split-main">
        <div className="page-head">
          <h1>Bevindingen</h1>
          <span className="page-count" data-testid="findings-count">{total === null ? '' : counted(total, 'bevinding', 'bevindingen')}</span>
        </div>
        <div className="toolbar">
          <QuickFilter value={filter.quick ?? ''} testId="findings-quick" placeholder="Zoek op BSN, controle of titel" onChange={(q) => setFilter({ ...filter, quick: q || undefined })} />
          {filter.bsn ? (
            <ToggleChip active testId="chip-bsn" title="Alleen deze cliënt; klik om het filter te wissen" onClick={() => setFilter({ ...filter, bsn: undefined })}>cliënt {show(filter.bsn)}</ToggleChip>
          ) : null}
          <button type="button" className="button" onClick={exportCsv} disabled={!!exporting || total === 0} data-testid="export-csv" title={masked ? 'BSN’s worden gemaskeerd geëxporteerd' : 'Let op: BSN’s worden volledig geëxporteerd'}>
            {exporting ?? 'Exporteer CSV'}
          </button>
          <span className="toolbar-hint">{masked ? 'export met gemaskeerde BSN’s' : 'export met volledige BSN’s'}</span>
        </div>
        {exportError ? <ErrorBox error={exportError} title="Export mislukt" /> : null}
        <Grid<FindingRow>
          testId="findings-grid"
          columns={columns}
          queryKey={JSON.stringify([filter, version])}
          fetchPage={(q) => api().call('findings.list', { ...q, filter })}
          onTotal={setTotal}
          onOpen={(row) => navigate(href('client', row.bsn, { tab: 'tijdlijn', finding: String(row.id) }))}
          rowId={(row) => String(row.id)}
          rowClass={(row) => `sev-row-${row.severity}`}
          rowHeight={60}
          emptyText={activeFilterCount(filter) ? 'Geen bevindingen bij dit filter.' : 'Geen bevindingen in dit archief.'}
        />
      </section>
    </div>
  );
}
