// ag-grid (Community) with the Infinite Row Model over one paged API call: the grid asks for blocks
// of 100 rows as the user scrolls, SQLite answers them, only a bounded number of blocks stay in
// memory. A change of `queryKey` (the filter) gives the grid a fresh datasource. Reusable by every
// screen: pass columns, a fetchPage and what a row opens.
import {
  CellStyleModule, InfiniteRowModelModule, LocaleModule, ModuleRegistry, RowStyleModule, themeQuartz,
  type CellKeyDownEvent, type ColDef, type GetRowIdParams, type RowClassParams, type RowClickedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Page, SortSpec } from '../../core/api/types';
import { makeDatasource, type PageQuery } from './datasource';
import { ErrorBox } from './States';
import './grid.css';

ModuleRegistry.registerModules([InfiniteRowModelModule, CellStyleModule, RowStyleModule, LocaleModule]);

/** Quartz with the Ketenlens colours (tijdlijn.md), no web fonts. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: '"DejaVu Sans", "Segoe UI", system-ui, sans-serif',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 700,
  foregroundColor: '#1F2933',
  headerTextColor: '#4A5563',
  backgroundColor: '#FFFFFF',
  headerBackgroundColor: '#F5F7FA',
  borderColor: '#D5DBE3',
  accentColor: '#1D4ED8',
  rowHoverColor: '#EEF3FA',
  browserColorScheme: 'light',
  wrapperBorderRadius: 4,
  borderRadius: 3,
  rowHeight: 34,
  headerHeight: 36,
  spacing: 6,
});

/** the few texts ag-grid shows itself, in Dutch */
export const GRID_TEXT: Record<string, string> = {
  loadingOoo: 'Laden…',
  noRowsToShow: 'Geen rijen',
  ariaRowSelect: 'rij kiezen',
  sortAscending: 'oplopend',
  sortDescending: 'aflopend',
};

export interface GridProps<T> {
  columns: ColDef<T>[];
  fetchPage: (q: PageQuery) => Promise<Page<T>>;
  /** the filter as a string: a change refreshes the datasource (and scrolls to the top) */
  queryKey: string;
  /** sort when no column is sorted (should match the column with `initialSort`) */
  defaultSort?: SortSpec[];
  /** API column names where they differ from the grid's colId */
  sortCols?: Record<string, string>;
  /** the total after each page; null while a new query starts or after it failed */
  onTotal?: (total: number | null) => void;
  /** a row click or Enter on a row; clicks on links inside the row are left to the link */
  onOpen?: (row: T) => void;
  rowId?: (row: T) => string;
  rowClass?: (row: T) => string | undefined;
  /** one height for every row (the Infinite Row Model cannot vary it); e.g. room for two lines */
  rowHeight?: number;
  /** shown over the grid when the filter matches nothing */
  emptyText: ReactNode;
  testId: string;
}

export function Grid<T>({ columns, fetchPage, queryKey, defaultSort, sortCols, onTotal, onOpen, rowId, rowClass, rowHeight, emptyText, testId }: GridProps<T>) {
  const [error, setError] = useState<unknown>(null);
  const [total, setTotal] = useState<number | null>(null);
  const latest = useRef({ fetchPage, onTotal });
  latest.current = { fetchPage, onTotal };
  // rebuilt when the query changes, not for every new closure of the screen
  const datasource = useMemo(() => makeDatasource((q) => latest.current.fetchPage(q), {
    defaultSort, cols: sortCols,
    onTotal: (n) => { setTotal(n); setError(null); latest.current.onTotal?.(n); },
    onError: (e) => { setError(e); setTotal(null); latest.current.onTotal?.(null); },
  }), [queryKey]);
  useEffect(() => { setError(null); setTotal(null); latest.current.onTotal?.(null); }, [datasource]);

  // the row height is a theme parameter, so one-line cells stay centred in taller rows
  const theme = useMemo(() => (rowHeight ? gridTheme.withParams({ rowHeight }) : gridTheme), [rowHeight]);
  const defaultColDef = useMemo<ColDef<T>>(() => ({ sortable: true, resizable: true, suppressMovable: true, minWidth: 70 }), []);
  const open = (row: T | undefined) => { if (row !== undefined && onOpen) onOpen(row); };

  return (
    <div className="grid-box" data-testid={testId}>
      {error ? <ErrorBox error={error} /> : null}
      <div className="grid-host">
        <AgGridReact<T>
          theme={theme}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={100}
          maxBlocksInCache={20}
          infiniteInitialRowCount={1}
          blockLoadDebounceMillis={60}
          columnDefs={columns}
          defaultColDef={defaultColDef}
          localeText={GRID_TEXT}
          suppressNoRowsOverlay
          getRowId={rowId ? (p: GetRowIdParams<T>) => rowId(p.data) : undefined}
          getRowClass={(p: RowClassParams<T>) => [onOpen ? 'clickable' : '', p.data && rowClass ? rowClass(p.data) ?? '' : ''].join(' ')}
          onRowClicked={(e: RowClickedEvent<T>) => {
            const target = e.event?.target as HTMLElement | null;
            if (target?.closest('a, button, input')) return;
            open(e.data);
          }}
          onCellKeyDown={(e: CellKeyDownEvent<T>) => {
            if ((e.event as KeyboardEvent | undefined)?.key === 'Enter') open(e.data);
          }}
        />
        {total === 0 && !error ? <div className="grid-empty" data-testid={`${testId}-empty`}>{emptyText}</div> : null}
      </div>
    </div>
  );
}
