import { describe, expect, it } from 'vitest';
import type { ElementSpan, ParsedField } from '../../core/api/types';
import {
  fallbackNote, fieldWithin, findingsAt, inRanges, lineRanges, normalizePath, previousVersion, productVersionAt, productVersionFor,
  readablePath, resolveLocation, spanIndex, toegewezenProductOf,
} from './locate';

const TP = '/Bericht/Client/ToegewezenProducten/ToegewezenProduct';
const spans: ElementSpan[] = [
  { path: '/Bericht', startLine: 2, endLine: 40 },
  { path: '/Bericht/Client', startLine: 10, endLine: 39 },
  { path: '/Bericht/Client/ToegewezenProducten', startLine: 12, endLine: 38 },
  { path: `${TP}[1]`, startLine: 13, endLine: 24 },
  { path: `${TP}[1]/Einddatum`, startLine: 20, endLine: 20 },
  { path: `${TP}[2]`, startLine: 25, endLine: 37 },
];
const index = spanIndex(spans);

describe('resolveLocation', () => {
  it('finds the exact element', () => {
    const r = resolveLocation(index, `${TP}[1]/Einddatum`)!;
    expect(r).toMatchObject({ exact: true, span: { startLine: 20, endLine: 20 } });
  });
  it('treats an index 1 as optional on either side', () => {
    expect(resolveLocation(index, '/Bericht/Client[1]/ToegewezenProducten[1]')!.span.startLine).toBe(12);
    expect(normalizePath('/Bericht/Client[1]/Prestaties/Prestatie[12]/')).toBe('/Bericht/Client/Prestaties/Prestatie[12]');
  });
  it('falls back to the nearest ancestor that exists, and says so', () => {
    const r = resolveLocation(index, `${TP}[2]/Einddatum`)!;
    expect(r.exact).toBe(false);
    expect(r.span.path).toBe(`${TP}[2]`);
    expect(fallbackNote(r)).toBe('Element Einddatum komt niet voor in dit bericht (ToegewezenProduct 2 › Einddatum); gemarkeerd is het dichtstbijzijnde bovenliggende element ToegewezenProduct 2.');
    expect(resolveLocation(index, `${TP}[7]/Product/Code`)!.span.path).toBe('/Bericht/Client/ToegewezenProducten');
  });
  it('gives null when the message has no such tree at all, or only the root would be left', () => {
    expect(resolveLocation(spanIndex([]), '/Bericht/Client')).toBeNull();
    expect(resolveLocation(index, '/Bericht/Declaratie/Clienten')).toBeNull();
    expect(resolveLocation(index, '/Bericht')).toMatchObject({ exact: true, span: { startLine: 2 } });
  });
});

describe('line ranges', () => {
  it('merges overlapping and adjacent ranges and answers membership', () => {
    const ranges = lineRanges([resolveLocation(index, `${TP}[2]`), null, resolveLocation(index, `${TP}[1]/Einddatum`), resolveLocation(index, `${TP}[1]`)]);
    expect(ranges).toEqual([{ start: 13, end: 37 }]);
    const apart = lineRanges([resolveLocation(index, `${TP}[1]/Einddatum`), resolveLocation(index, `${TP}[2]`)]);
    expect(apart).toEqual([{ start: 20, end: 20 }, { start: 25, end: 37 }]);
    expect([19, 20, 21, 24, 25, 37, 38].map((l) => inRanges(apart, l))).toEqual([false, true, false, false, true, true, false]);
    expect(inRanges([], 1)).toBe(false);
  });
});

const f = (path: string, value = ''): ParsedField => ({ path, name: path.slice(path.lastIndexOf('/') + 1).replace(/\[\d+\]$/, ''), depth: path.split('/').length - 2, value });

describe('fields and versions', () => {
  it('fieldWithin matches the element and what lies inside it, not a sibling with a longer name', () => {
    expect(fieldWithin(f(`${TP}[1]/Product/Code`), `${TP}[1]`)).toBe(true);
    expect(fieldWithin(f(`${TP}[1]`), `${TP}[1]`)).toBe(true);
    expect(fieldWithin(f(`${TP}[12]/Product`), `${TP}[1]`)).toBe(false);
    expect(fieldWithin(f('/Bericht/Client/Bsn'), '/Bericht/Client[1]')).toBe(true);
  });
  it('finds the ToegewezenProduct a location lies in', () => {
    expect(toegewezenProductOf(`${TP}[2]/Omvang/Volume`)).toBe(`${TP}[2]`);
    expect(toegewezenProductOf(`${TP}[2]`)).toBe(`${TP}[2]`);
    expect(toegewezenProductOf('/Bericht/Client/ToegewezenProducten')).toBeNull();
    expect(toegewezenProductOf(null)).toBeNull();
  });
  it('orders versions by Toewijzingsdatum/-tijd and picks the newest older one with the same number', () => {
    const fields = [
      f(`${TP}[1]`), f(`${TP}[1]/ToewijzingNummer`, '586956'), f(`${TP}[1]/Toewijzingsdatum`, '2025-10-15'), f(`${TP}[1]/Toewijzingstijd`, '09:30:00'),
      f(`${TP}[2]`), f(`${TP}[2]/ToewijzingNummer`, '586955'), f(`${TP}[2]/Toewijzingsdatum`, '2026-08-06'), f(`${TP}[2]/Toewijzingstijd`, '10:00:00'),
    ];
    const cur = productVersionAt(fields, `${TP}[2]`)!;
    expect(cur).toEqual({ path: `${TP}[2]`, tnr: '586955', key: '2026-08-06T10:00:00' });
    const older = { id: 1, version: { path: `${TP}[1]`, tnr: '586955', key: '2025-10-15T09:30:00' } };
    const middle = { id: 2, version: { path: `${TP}[3]`, tnr: '586955', key: '2026-01-02T08:00:00' } };
    const other = { id: 3, version: { path: `${TP}[1]`, tnr: '586956', key: '2026-01-03T08:00:00' } };
    const newer = { id: 4, version: { path: `${TP}[1]`, tnr: '586955', key: '2026-09-01T08:00:00' } };
    expect(previousVersion(cur, [older, newer, middle, other])?.id).toBe(2);
    expect(previousVersion(older.version, [middle, newer])).toBeNull();
    expect(productVersionFor(fields, '586956')?.path).toBe(`${TP}[1]`);
    expect(productVersionFor(fields, '999')).toBeNull();
  });
});

describe('findingsAt', () => {
  const P = '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie';
  const fs = [
    { id: 1, messages: [{ id: 7, location: `${P}[1]/ProductCode` }] },
    { id: 2, messages: [{ id: 7, location: `${P}[1]` }] },
    { id: 3, messages: [{ id: 7, location: `${P}[12]` }] },
    { id: 4, messages: [{ id: 8, location: `${P}[1]` }, { id: 7 }] },
    { id: 5, messages: [{ id: 7, location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[1]/ProductPeriode/Begindatum' }] },
  ];
  it('finds the findings at, inside and around the element in this message only', () => {
    expect(findingsAt(fs, 7, `${P}[1]`).map((f) => f.id)).toEqual([1, 2, 5]);
    expect(findingsAt(fs, 7, `${P}[1]/ProductCode`).map((f) => f.id)).toEqual([1, 2]);
    expect(findingsAt(fs, 8, `${P}[1]/ProductCode`).map((f) => f.id)).toEqual([4]);
    expect(findingsAt(fs, 7, '/Bericht/Header').map((f) => f.id)).toEqual([]);
  });
});

describe('readablePath', () => {
  it('reads from the first numbered element, without the root and the lists', () => {
    expect(readablePath('/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductPeriode/Begindatum'))
      .toBe('Client 1 › Prestatie 1 › ProductPeriode › Begindatum');
    expect(readablePath('/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[12]')).toBe('Client 1 › Prestatie 12');
    expect(readablePath(`${TP}[2]/Product/Code`)).toBe('ToegewezenProduct 2 › Product › Code');
  });
  it('keeps the names of a path without numbers, a list only where it is the element itself', () => {
    expect(readablePath('/Bericht/Header/Dagtekening')).toBe('Header › Dagtekening');
    expect(readablePath('/Bericht/Client/StopProducten/StopProduct/Einddatum')).toBe('Client › StopProduct › Einddatum');
    expect(readablePath('/Bericht/Client/ToegewezenProducten')).toBe('Client › ToegewezenProducten');
    expect(readablePath('/Bericht')).toBe('Bericht');
  });
});
