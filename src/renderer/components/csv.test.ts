import { describe, expect, it } from 'vitest';
import type { CsvChunk } from '../../core/api/types';
import { collectCsv, todayInNl } from './csv';

describe('CSV export in chunks', () => {
  it('fetches chunk after chunk until next is null, joins them once, with a BOM', async () => {
    const asked: number[] = [];
    const progress: [number, number][] = [];
    const chunks: Record<number, CsvChunk> = {
      0: { csv: 'ernst;controle\r\nfout;CHK-T06\r\n', next: 1, total: 3 },
      1: { csv: 'fout;CHK-D03\r\n', next: 2, total: 3 },
      2: { csv: 'waarschuwing;CHK-S07\r\n', next: null, total: 3 },
    };
    const text = await collectCsv(async (offset, limit) => { asked.push(offset); expect(limit).toBe(5000); return chunks[offset]; }, (d, t) => progress.push([d, t]));
    expect(asked).toEqual([0, 1, 2]);
    expect(text).toBe('\uFEFFernst;controle\r\nfout;CHK-T06\r\nfout;CHK-D03\r\nwaarschuwing;CHK-S07\r\n');
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('keeps a BOM the backend already sent, and stops on a chunk that does not advance', async () => {
    expect(await collectCsv(async () => ({ csv: '\uFEFFa\r\n', next: null, total: 1 }))).toBe('\uFEFFa\r\n');
    await expect(collectCsv(async () => ({ csv: 'a', next: 0, total: 9 }))).rejects.toThrow(/niet verder/);
  });

  it('stops when aborted', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(collectCsv(async () => ({ csv: '', next: null, total: 0 }), undefined, ctrl.signal)).rejects.toThrow(/afgebroken/);
  });

  it("names today's date as in the Netherlands", () => {
    expect(todayInNl(Date.parse('2026-11-28T22:30:00Z'))).toBe('2026-11-28');
    expect(todayInNl(Date.parse('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
  });
});
