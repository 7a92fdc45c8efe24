import { describe, expect, it } from 'vitest';
import type { Page } from '../../core/api/types';
import { makeDatasource, toSort, type PageQuery } from './datasource';

const flush = () => new Promise((r) => setTimeout(r, 0));

function request(startRow: number, endRow: number, sortModel: { colId: string; sort: 'asc' | 'desc' }[] = []) {
  const r = { rows: null as unknown[] | null, last: undefined as number | undefined, failed: false };
  return {
    r,
    params: {
      startRow, endRow, sortModel,
      successCallback: (rows: unknown[], last?: number) => { r.rows = rows; r.last = last; },
      failCallback: () => { r.failed = true; },
    },
  };
}

describe('infinite datasource adapter', () => {
  it('maps the sort model to the contract, renaming columns', () => {
    expect(toSort([{ colId: 'errors', sort: 'desc' }, { colId: 'lastDate', sort: 'asc' }], { lastDate: 'last_date' }))
      .toEqual([{ col: 'errors', dir: 'desc' }, { col: 'last_date', dir: 'asc' }]);
  });

  it('asks for exactly the block the grid wants and gives the total as row count', async () => {
    const asked: PageQuery[] = [];
    const totals: number[] = [];
    const ds = makeDatasource<number>(async (q) => { asked.push(q); return { rows: [1, 2, 3], total: 250 }; }, { onTotal: (t) => totals.push(t) });
    const { r, params } = request(100, 200, [{ colId: 'name', sort: 'asc' }]);
    ds.getRows(params as never);
    await flush();
    expect(asked).toEqual([{ offset: 100, limit: 100, sort: [{ col: 'name', dir: 'asc' }] }]);
    expect(r.rows).toEqual([1, 2, 3]);
    expect(r.last).toBe(250);
    expect(totals).toEqual([250]);
  });

  it('uses the default sort when the grid has none', async () => {
    const asked: PageQuery[] = [];
    const ds = makeDatasource<number>(async (q) => { asked.push(q); return { rows: [], total: 0 }; }, { defaultSort: [{ col: 'errors', dir: 'desc' }] });
    ds.getRows(request(0, 100).params as never);
    await flush();
    expect(asked[0].sort).toEqual([{ col: 'errors', dir: 'desc' }]);
  });

  it('reports a failed page and fails the block', async () => {
    const errors: unknown[] = [];
    const ds = makeDatasource<number>(async () => { throw new Error('kapot'); }, { onError: (e) => errors.push(e) });
    const { r, params } = request(0, 100);
    ds.getRows(params as never);
    await flush();
    expect(r.failed).toBe(true);
    expect((errors[0] as Error).message).toBe('kapot');
  });

  it('ignores late answers after the grid replaced the datasource', async () => {
    let resolve!: (p: Page<number>) => void;
    const totals: number[] = [];
    const ds = makeDatasource<number>(() => new Promise((res) => { resolve = res; }), { onTotal: (t) => totals.push(t) });
    const { r, params } = request(0, 100);
    ds.getRows(params as never);
    ds.destroy!();
    resolve({ rows: [1], total: 1 });
    await flush();
    expect(totals).toEqual([]);
    expect(r.rows).toBeNull();
  });
});
