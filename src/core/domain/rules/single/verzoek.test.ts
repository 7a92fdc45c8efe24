import { describe, expect, it } from 'vitest';
import { TR352, TR380 } from './verzoek';
import { build, run } from './testing/fixtures';
import type { M317_Verzoek } from '../../schema/messages.generated';

const nieuw = (g: string) => ({ Product: { Categorie: '02', Code: '02A16' }, GewensteIngangsdatum: g, Einddatum: '2026-06-30', Omvang: { Volume: '1', Eenheid: '04', Frequentie: '2' } });

describe('317 verzoek om wijziging (TR352, TR353, TR380)', () => {
  it.each([
    ['baseline (ongewijzigd + te wijzigen) passes', {}, []],
    // seed casus 2 VOW: 445566 te wijzigen, 445567 ended, new 455678 from 07-01-2026
    ['casus 2: te wijzigen + nieuw passes', { NieuweProducten: { NieuwProduct: [nieuw('2026-01-07')] } }, []],
    ['only new products (TR352)', { OngewijzigdeProducten: undefined, TeWijzigenProducten: undefined, NieuweProducten: { NieuwProduct: [nieuw('2026-01-07')] } }, ['TR352']],
    ['only unchanged products (TR353)', { TeWijzigenProducten: undefined }, ['TR353']],
  ] as [string, Partial<M317_Verzoek>, string[]][])('%s', (_n, over, expected) => {
    const msg = build('317', 'iWmo', (c) => { Object.assign(c.Client.Verzoek, over); });
    const issues = run(TR352, msg);
    expect(issues.map((i) => i.code)).toEqual(expected);
    for (const i of issues) expect(i).toMatchObject({ location: '/Bericht/Client/Verzoek', retourcode: '0001', severity: 'error', check: 'CHK-R02' });
  });

  it.each([
    ['the day after the Dagtekening passes', '2025-12-16', 0],
    ['on the Dagtekening fails', '2025-12-15', 1],
    ['in the past fails', '2025-10-06', 1],
  ] as [string, string, number][])('TR380 %s', (_n, g, n) => {
    const issues = run(TR380, build('317', 'iJw', (c) => { c.Client.Verzoek.NieuweProducten = { NieuwProduct: [{ ...nieuw(g), Product: { Categorie: '45', Code: '45A34' } }] }; }));
    expect(issues).toHaveLength(n);
    if (n) expect(issues[0]).toMatchObject({ code: 'TR380', check: 'CHK-R03', location: '/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[1]/GewensteIngangsdatum' });
  });
});
