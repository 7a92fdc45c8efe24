import { describe, expect, it } from 'vitest';
import { CHK_T04 } from './cs335-reden-wijziging';
import { build, codes, run } from './testing/fixtures';
import type { M301_ToegewezenProduct } from '../../schema/messages.generated';
import type { Standard } from '../../schema/types';

type Case = [string, Standard, Partial<M301_ToegewezenProduct> & { noEinde?: boolean }, string[], string?];

describe('CHK-T04 CS335/CS336 RedenWijziging', () => {
  it.each<Case>([
    // seed "Aanbieder kan de zorg niet leveren": 445566 withdrawn with Einddatum = Ingangsdatum 06-10-2025 and 13
    ['13 with Einddatum = Ingangsdatum passes', 'iWmo', { RedenWijziging: '13', Einddatum: '2025-10-06' }, []],
    ['13 with Einddatum 07-10-2025 ≠ Ingangsdatum fails', 'iWmo', { RedenWijziging: '13', Einddatum: '2025-10-07' }, ['CS335'], 'Einddatum'],
    ['13 with a long Einddatum fails (iJw)', 'iJw', { RedenWijziging: '13', Einddatum: '2026-02-28' }, ['CS335'], 'Einddatum'],
    ['13 without Einddatum fails (rule text; not in the XSLT)', 'iWmo', { RedenWijziging: '13', noEinde: true }, ['CS335'], 'RedenWijziging'],
    ['01 fails even with Einddatum = Ingangsdatum', 'iWmo', { RedenWijziging: '01', Einddatum: '2025-10-06' }, ['CS336'], 'RedenWijziging'],
    ['01 fails on an extension', 'iJw', { RedenWijziging: '01', Einddatum: '2026-06-30' }, ['CS336'], 'RedenWijziging'],
    ['12 passes', 'iWmo', { RedenWijziging: '12', Einddatum: '2026-01-06' }, []],
    ['14 with equal dates passes', 'iWmo', { RedenWijziging: '14', Einddatum: '2025-10-06' }, []],
    ['no RedenWijziging passes', 'iWmo', {}, []],
  ])('%s', (_name, std, over, expected, field) => {
    const msg = build('301', std, (c) => {
      const t = c.Client.ToegewezenProducten.ToegewezenProduct[0];
      const { noEinde, ...rest } = over;
      Object.assign(t, rest);
      if (noEinde) delete t.Einddatum;
    });
    const issues = run(CHK_T04, msg);
    expect(codes(issues)).toEqual(expected);
    for (const i of issues) {
      expect(i).toMatchObject({ level: 2, severity: 'error', check: 'CHK-T04' });
      expect(i.location).toBe(`/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/${field}`);
    }
  });

  it('reports retourcode 0001 only where the official XSLT rejects', () => {
    const withDate = run(CHK_T04, build('301', 'iWmo', (c) => {
      Object.assign(c.Client.ToegewezenProducten.ToegewezenProduct[0], { RedenWijziging: '13', Einddatum: '2025-10-07' });
    }));
    expect(withDate[0]).toMatchObject({ retourcode: '0001', expected: 'Einddatum 06-10-2025 (gelijk aan Ingangsdatum)', found: 'Einddatum 07-10-2025' });
    const noDate = run(CHK_T04, build('301', 'iWmo', (c) => {
      const t = c.Client.ToegewezenProducten.ToegewezenProduct[0];
      t.RedenWijziging = '13';
      delete t.Einddatum;
    }));
    expect(noDate[0].retourcode).toBeUndefined();
  });

  it('checks every ToegewezenProduct and names the right one', () => {
    const msg = build('301', 'iWmo', (c) => {
      const list = c.Client.ToegewezenProducten.ToegewezenProduct;
      list.push({ ...list[0], ToewijzingNummer: '445567', Product: { Categorie: '02', Code: '02A16' }, RedenWijziging: '13', Einddatum: '2025-10-31' });
    });
    const issues = run(CHK_T04, msg);
    expect(issues).toHaveLength(1);
    expect(issues[0].location).toBe('/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum');
    expect(issues[0].message).toContain('445567');
  });

  it('skips an unreadable Einddatum (level 1)', () => {
    const msg = build('301', 'iWmo', (c) => {
      Object.assign(c.Client.ToegewezenProducten.ToegewezenProduct[0], { RedenWijziging: '13', Einddatum: '2025-13-45' });
    }, { allowLevel1: true });
    expect(run(CHK_T04, msg)).toEqual([]);
  });
});
