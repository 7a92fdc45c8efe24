// The adapter between ag-grid's Infinite Row Model and a paged API call: the grid asks for rows
// startRow..endRow with its sort model; the API wants offset/limit/sort and answers a Page with the
// total, which becomes the grid's row count (so the scrollbar is right and nothing more is fetched).
import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import type { Page, SortSpec } from '../../core/api/types';

export interface PageQuery {
  offset: number;
  limit: number;
  sort: SortSpec[];
}

/** ag-grid's sort model → the contract's sort; `cols` renames a grid column to its API column. */
export function toSort(model: readonly SortModelItem[], cols: Record<string, string> = {}): SortSpec[] {
  return model.map((m) => ({ col: cols[m.colId] ?? m.colId, dir: m.sort === 'asc' ? 'asc' : 'desc' }));
}

export interface DatasourceHooks {
  /** the total rows matching the filter, after every page */
  onTotal?: (total: number) => void;
  /** a failed page (the grid shows the block as failed; the screen shows the message) */
  onError?: (error: unknown) => void;
  /** the sort used when the grid has none */
  defaultSort?: SortSpec[];
  cols?: Record<string, string>;
}

/**
 * A datasource that fetches exactly the block the grid asks for. After destroy() (the grid replaced
 * it, e.g. because the filter changed) late answers no longer report totals or errors.
 */
export function makeDatasource<T>(fetchPage: (q: PageQuery) => Promise<Page<T>>, hooks: DatasourceHooks = {}): IDatasource {
  let alive = true;
  return {
    getRows(params: Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel' | 'successCallback' | 'failCallback'>) {
      const sort = toSort(params.sortModel ?? [], hooks.cols);
      const q: PageQuery = {
        offset: params.startRow,
        limit: Math.max(1, params.endRow - params.startRow),
        sort: sort.length ? sort : (hooks.defaultSort ?? []),
      };
      fetchPage(q).then(
        (page) => {
          if (!alive) return;
          hooks.onTotal?.(page.total);
          params.successCallback(page.rows, page.total);
        },
        (err) => {
          if (!alive) return;
          hooks.onError?.(err);
          params.failCallback();
        },
      );
    },
    destroy() {
      alive = false;
    },
  };
}
