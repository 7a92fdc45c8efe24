import { describe, expect, it } from 'vitest';
import { parseRoute } from '../router';
import { fieldDepth, parseSide, verschilHref, visibleRows, withGroups } from './verschil';

describe('verschil addresses', () => {
  it('round-trips two sides through the address', () => {
    const l = { messageId: 12, location: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]' };
    const r = { messageId: 40, location: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]' };
    const route = parseRoute(verschilHref(l, r));
    expect(route.screen).toBe('verschil');
    expect(parseSide(route.params.get('l'))).toEqual(l);
    expect(parseSide(route.params.get('r'))).toEqual(r);
    expect(route.params.has('bsn')).toBe(false);
    expect(parseRoute(verschilHref(l, r, '999994062')).params.get('bsn')).toBe('999994062');
  });
  it('rejects malformed sides', () => {
    for (const s of [null, '', '12', '~/Bericht', 'x~/Bericht', '0~/Bericht', '12~Client', '-3~/Bericht']) expect(parseSide(s)).toBeNull();
  });
  it('filters to the changed rows and indents by depth', () => {
    const rows = [
      { field: 'ToewijzingNummer', left: '1', right: '1', changed: false },
      { field: 'Omvang/Volume', left: '1', right: '2', changed: true },
    ];
    expect(visibleRows(rows, true).map((r) => r.field)).toEqual(['Omvang/Volume']);
    expect(visibleRows(rows, false)).toHaveLength(2);
    expect(fieldDepth('Omvang/Volume')).toBe(1);
    expect(fieldDepth('ToewijzingNummer')).toBe(0);
  });
});

describe('withGroups', () => {
  it('adds a heading for a group that has no row of its own, once, before its first field', () => {
    const r = (field: string) => ({ field, left: '1', right: '1', changed: false });
    const lines = withGroups([r('ToewijzingNummer'), r('Product/Categorie'), r('Product/Code'), r('Omvang'), r('Omvang/Volume'), r('A/B/C')]);
    expect(lines.map((l) => (l.kind === 'group' ? `[${l.field}]` : l.row.field))).toEqual([
      'ToewijzingNummer', '[Product]', 'Product/Categorie', 'Product/Code', 'Omvang', 'Omvang/Volume', '[A]', '[A/B]', 'A/B/C',
    ]);
  });
});
