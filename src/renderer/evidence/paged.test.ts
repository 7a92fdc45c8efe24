import { describe, expect, it } from 'vitest';
import { Paged } from './paged';

const rows = (n: number) => Array.from({ length: n }, (_, i) => `regel ${i + 1}`);

function source(total: number, pageSize = 10, keep = 40) {
  const all = rows(total);
  const calls: [number, number][] = [];
  const p = new Paged<string>(total, async (from, count) => { calls.push([from, count]); return all.slice(from, from + count); }, pageSize, keep);
  return { p, calls, all };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Paged: rows fetched as the view needs them', () => {
  it('a whole list is all there and never fetches', () => {
    const p = Paged.whole(rows(5));
    expect(p.total).toBe(5);
    expect(p.get(4)).toBe('regel 5');
    expect(p.get(5)).toBeUndefined();
    p.want(0, 100);
    expect(p.held).toBe(5);
  });

  it('fetches the missing pages of a range once, and tells its listeners', async () => {
    const { p, calls, all } = source(95);
    let heard = 0;
    p.subscribe(() => heard++);
    p.seed(12, all.slice(12, 30));
    p.want(15, 28); // inside the seed: nothing to fetch
    expect(calls).toEqual([]);
    p.want(5, 45);
    p.want(5, 45); // in flight: not asked twice
    expect(calls).toEqual([[0, 10], [10, 10], [30, 10], [40, 10]]); // rows 10 and 11 were not in the seed
    expect(p.get(3)).toBeUndefined();
    await settle();
    expect(heard).toBe(4);
    for (let i = 0; i < 50; i++) expect(p.get(i)).toBe(all[i]);
    p.want(90, 200); // the last page is short
    await settle();
    expect(calls.at(-1)).toEqual([90, 5]);
    expect(p.get(94)).toBe('regel 95');
  });

  it('keeps only the most recently used pages', async () => {
    const { p, calls } = source(1000, 10, 3);
    for (const at of [0, 100, 200]) { p.want(at, at + 10); await settle(); }
    p.get(0); // used again: kept
    p.want(300, 310);
    await settle();
    expect(p.held).toBe(30);
    expect(p.get(0)).toBe('regel 1');
    expect(p.get(100)).toBeUndefined();
    p.want(100, 110);
    expect(calls.at(-1)).toEqual([100, 10]);
  });

  it('a failed fetch is reported and tried again when the rows are wanted again', async () => {
    let fail = true;
    const p = new Paged<number>(20, async (from, count) => { if (fail) throw new Error('weg'); return Array.from({ length: count }, (_, i) => from + i); }, 10);
    p.want(0, 5);
    await settle();
    expect((p.error as Error).message).toBe('weg');
    fail = false;
    p.want(0, 5);
    await settle();
    expect(p.error).toBeNull();
    expect(p.get(4)).toBe(4);
  });
});
