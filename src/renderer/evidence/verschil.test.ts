import { describe, expect, it } from 'vitest';
import { parseRoute } from '../router';
import { fieldDepth, parseSide, verschilHref, visibleRows } from './verschil';

describe('verschil addresses', () => {
  it('round-trips two sides through the address', () => {
    const l = { messageId: 12, location: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]' };
    const r = { messageId: 40, location: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]' };
    const route = parseRoute(verschilHref(l, r));
    expect(route.screen).toBe('verschil');
    expect(parseSide(route.params.get('l'))).toEqual(l);
    expect(parseSide(route.params.get('r'))).toEqual(r);
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
